package fr.mutualis.kit.security;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.kit.tenant.TenantContextFilter;
import fr.mutualis.kit.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every service validates the relayed JWT itself (defence in depth behind the gateway): RS256 signature
 * against the issuer's keys, issuer, expiry, and a {@code tenants} claim; roles come from {@code roles}. Which roles
 * may call an operation is said once, by the kit's {@code @AllowedRoles} (enforced and documented as {@code x-roles}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MutualisSecurityProperties.class)
public class ServiceSecurityConfiguration {

    /** The role of a metrics scraper, besides platform administrators. */
    public static final String MONITORING = "MONITORING";

    /** As long as Spring Security's decoder trusts the keys it fetched (its JWK set cache). */
    private static final Duration VERIFIED_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /**
     * Verifies a token's signature once and then remembers it ({@link VerifiedTokenCache}), unless
     * {@code mutualis.security.verified-tokens} is 0; its claims are validated at every request either way.
     */
    @Bean
    JwtDecoder jwtDecoder(MutualisSecurityProperties properties,
                          @Value("${mutualis.security.verified-tokens:10000}") long verifiedTokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()), requireTenantsClaim()));
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(requireAudience(properties.audience()));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return verifiedTokens > 0
                ? new VerifiedTokenCache(decoder, validator, verifiedTokens, VERIFIED_TOKEN_LIFETIME)
                : decoder;
    }

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
     * A request the firewall refuses (a {@code ..}, {@code ;} or {@code //} in the path, an encoded slash...) is
     * answered like any other refusal, instead of through the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request's URL or headers are not accepted");
    }

    @Bean
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "A valid bearer token is required");
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "Your roles do not allow this operation");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/error")
                        .permitAll()
                        // Metrics describe every tenant's activity: the platform's operators only.
                        .requestMatchers("/actuator/**").hasAnyRole(AllowedRoles.PLATFORM_ADMIN, MONITORING)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterAfter(new TenantContextFilter(problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    private static OAuth2TokenValidator<Jwt> requireTenantsClaim() {
        OAuth2Error missing = new OAuth2Error("invalid_token", "The token has no tenants claim", null);
        return jwt -> jwt.getClaims().get(HttpContract.TENANTS_CLAIM) instanceof Collection<?>
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(missing);
    }

    /** A token minted for another resource server is refused, even when signed by our issuer. */
    static OAuth2TokenValidator<Jwt> requireAudience(String audience) {
        OAuth2Error wrong = new OAuth2Error("invalid_token", "The token is not for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrong);
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(HttpContract.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return converter;
    }
}
