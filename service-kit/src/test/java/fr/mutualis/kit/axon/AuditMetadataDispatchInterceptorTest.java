package fr.mutualis.kit.axon;

import fr.mutualis.kit.tenant.TenantContext;
import fr.mutualis.kit.tenant.TenantContextFilter;
import fr.mutualis.kit.tenant.TenantScope;
import fr.mutualis.kit.web.CorrelationIdFilter;
import fr.mutualis.kit.web.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit metadata of a command comes from the request being served (as the filters keep it), and only from it. */
class AuditMetadataDispatchInterceptorTest {

    private final AuditMetadataDispatchInterceptor interceptor = new AuditMetadataDispatchInterceptor();

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCommandSentWhileServingARequestCarriesItsCallerAndCorrelationId() throws Exception {
        CommandMessage<?> sent = serving("trace-me-123",
                () -> interceptor.handle(GenericCommandMessage.asCommandMessage("draft roadmap")));

        assertThat(sent.getMetaData()).containsExactlyInAnyOrderEntriesOf(Map.of(
                AuditMetadata.TENANT_ID, "210000022", AuditMetadata.USER_ID, "valmont-agent",
                AuditMetadata.USER_NAME, "Agent de Valmont", AuditMetadata.CORRELATION_ID, "trace-me-123"));
    }

    @Test
    void theSendersOwnMetadataWinsOverTheRequests() throws Exception {
        CommandMessage<?> sent = serving("trace-me-123",
                () -> interceptor.handle(GenericCommandMessage.asCommandMessage("apply decision")
                        .andMetaData(MetaData.with(AuditMetadata.USER_ID, "governance"))));

        assertThat(sent.getMetaData()).containsEntry(AuditMetadata.USER_ID, "governance")
                .containsEntry(AuditMetadata.TENANT_ID, "210000022");
    }

    @Test
    void aCommandSentOutsideARequestTakesNoCallerFromTheThread() {
        TenantContext batch = new TenantContext("210000022", "valmont-agent", "Agent de Valmont",
                List.of("210000022"), List.of("AGENT"));

        CommandMessage<?> sent = TenantScope.callAs(batch,
                () -> interceptor.handle(GenericCommandMessage.asCommandMessage("batch work")));

        assertThat(sent.getMetaData()).isEmpty();
    }

    /** Serves a request through the correlation and tenant filters, as a service does, and runs work in its handler. */
    private static <T> T serving(String correlationId, Supplier<T> handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/portfolio/roadmaps");
        request.addHeader("X-Correlation-Id", correlationId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("valmont-agent")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .claim("name", "Agent de Valmont").claim("tenants", List.of("210000022"))
                .claim("roles", List.of("AGENT")).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
        AtomicReference<T> result = new AtomicReference<>();
        TenantContextFilter tenants = new TenantContextFilter(new ProblemResponses(JsonMapper.builder().build()));
        new CorrelationIdFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res) throws ServletException, IOException {
                tenants.doFilter(req, res, new MockFilterChain() {
                    @Override
                    public void doFilter(ServletRequest innerReq, ServletResponse innerRes) {
                        result.set(handler.get());
                    }
                });
            }
        });
        return result.get();
    }
}
