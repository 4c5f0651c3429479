package fr.mutualis.console.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker-compose's Keycloak, as its discovery document answers inside the network when its hostname is its public
 * URL and its back-channel is dynamic: browser endpoints public, back-channel ones at the address asked.
 */
class SplitIssuerRegistrationTest {

    private static final String PUBLIC = "http://localhost:8180/realms/mutualis";
    private static final String INTERNAL = "http://keycloak:8080/realms/mutualis";

    private HttpServer keycloak;
    private String metadataUri;

    @BeforeEach
    void startKeycloakDiscovery() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/mutualis/.well-known/openid-configuration", exchange -> {
            byte[] body = """
                    {"issuer": "%1$s",
                     "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                     "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
                     "token_endpoint": "%2$s/protocol/openid-connect/token",
                     "jwks_uri": "%2$s/protocol/openid-connect/certs",
                     "userinfo_endpoint": "%2$s/protocol/openid-connect/userinfo"}"""
                    .formatted(PUBLIC, INTERNAL).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        keycloak.start();
        metadataUri = "http://127.0.0.1:" + keycloak.getAddress().getPort()
                + "/realms/mutualis/.well-known/openid-configuration";
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void browserEndpointsArePublicBackChannelOnesInternalAndTheIssuerIsThePublicOne() {
        ClientRegistration registration = SplitIssuerRegistration.registration(properties(PUBLIC),
                RestClient.create(), metadataUri);

        ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
        assertThat(provider.getIssuerUri()).isEqualTo(PUBLIC);
        assertThat(provider.getAuthorizationUri()).isEqualTo(PUBLIC + "/protocol/openid-connect/auth");
        assertThat(provider.getConfigurationMetadata().get("end_session_endpoint"))
                .isEqualTo(PUBLIC + "/protocol/openid-connect/logout");
        assertThat(provider.getTokenUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(INTERNAL + "/protocol/openid-connect/userinfo");
        assertThat(provider.getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("sub");
        assertThat(registration.getClientId()).isEqualTo("console");
        assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void anIssuerNamedOtherwiseThanConfiguredStopsTheStart() {
        assertThatThrownBy(() -> SplitIssuerRegistration.registration(properties(INTERNAL), RestClient.create(),
                metadataUri))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KC_HOSTNAME");
    }

    private static OAuth2ClientProperties properties(String issuer) {
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
        registration.setClientId("console");
        registration.setClientSecret("demo");
        registration.setAuthorizationGrantType("authorization_code");
        registration.setClientAuthenticationMethod("client_secret_basic");
        registration.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        registration.setScope(Set.of("openid", "profile"));
        registration.setProvider(SecurityConfig.REGISTRATION_ID);
        properties.getRegistration().put(SecurityConfig.REGISTRATION_ID, registration);
        OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
        provider.setIssuerUri(issuer);
        provider.setUserNameAttribute("sub");
        properties.getProvider().put(SecurityConfig.REGISTRATION_ID, provider);
        return properties;
    }
}
