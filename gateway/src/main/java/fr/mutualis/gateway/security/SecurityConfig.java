package fr.mutualis.gateway.security;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.gateway.error.ProblemWriter;
import fr.mutualis.gateway.routing.ConsoleRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Stateless JWT resource server: the decoder (JWK set of the issuer, issuer check, {@link TenantsClaimValidator})
 * comes from Boot's auto-configuration, behind a {@link VerifiedTokenCache}; this chain decides what is open and how
 * refusals look.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    /**
     * Order of Spring Security's web filter chain ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER},
     * not public): web filters ordered after it see the authenticated principal.
     */
    public static final int SECURITY_CHAIN_ORDER = -100;

    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs/**"};

    /** Roles that may read the metrics (every tenant's traffic): platform administrators and a scraper. */
    static final String[] MONITORING_ROLES = {"PLATFORM_ADMIN", "MONITORING"};

    /**
     * No observation (span and timer) per security filter, authentication and authorization: they cost about a tenth of
     * a request's CPU in the platform benchmark's profile, and the request's own observation already carries its
     * trace and its timing.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request Spring Security's firewall refuses ({@code ..}, {@code ;}, {@code //} or an encoded slash in the
     * path...) is answered with a problem, not the firewall's empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-request", "Bad Request",
                "The request's URL or headers are not accepted");
    }

    /**
     * Tokens held by {@link VerifiedTokenCache}: more than the tokens in use at once on a gateway instance (each person
     * or client reuses one for minutes), few enough to weigh a few megabytes at most.
     */
    static final long VERIFIED_TOKENS = 2_000;

    /** How long a verified token is trusted before its signature is checked again: as long as a fetched JWK set. */
    static final Duration VERIFIED_TOKEN_TRUST = Duration.ofMinutes(5);

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemWriter problems,
                                                      ReactiveJwtDecoder bootDecoder) {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .pathMatchers("/actuator/**").hasAnyRole(MONITORING_ROLES)
                        // The console's pages: the console signs people in itself (ConsoleRoute).
                        .matchers(new NegatedServerWebExchangeMatcher(
                                ServerWebExchangeMatchers.pathMatchers(ConsoleRoute.PLATFORM_PATHS))).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt
                                .jwtDecoder(new VerifiedTokenCache(bootDecoder, VERIFIED_TOKENS, VERIFIED_TOKEN_TRUST,
                                        Clock.systemUTC()))
                                .jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterAfter(new TenantSelectionFilter(problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /** Authorities from the token's {@code roles} claim, as the services read them. */
    private static ReactiveJwtAuthenticationConverterAdapter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(HttpContract.ROLES_CLAIM);
            return roles == null ? List.<GrantedAuthority>of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
