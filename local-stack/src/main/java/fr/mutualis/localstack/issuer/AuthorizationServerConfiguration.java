package fr.mutualis.localstack.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real OAuth2 authorization server (Spring Authorization Server): {@code client_credentials} at
 * {@code /oauth2/token}, RS256 JWT access tokens signed with an RSA key generated at start and published at
 * {@code /oauth2/jwks}, discovery at {@code /.well-known/openid-configuration} and
 * {@code /.well-known/oauth-authorization-server}. Each access token carries the client's {@code name},
 * {@code tenants} and {@code roles}, and {@value IssuerServer#PLATFORM_AUDIENCE} among its audiences.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The {@code aud} every access token carries, checked by the gateway and the services. */
    static final String PLATFORM_AUDIENCE = IssuerServer.PLATFORM_AUDIENCE;

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    authorizationServer.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // The OIDC user-info endpoint accepts the issuer's own tokens.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** {@code /demo/**} is open (local stack only); everything else that is not an OAuth2 endpoint is refused. */
    @Bean
    @Order(2)
    SecurityFilterChain demoSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/demo/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    ClientDirectory clientDirectory() {
        ClientDirectory directory = new ClientDirectory();
        DemoClients.ALL.forEach(profile -> directory.register(profile, DemoClients.SECRET));
        return directory;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    /**
     * The {@code iss} of every token. Set it (the local stack sets {@code http://localhost:<port>}) so that it does
     * not depend on the host name a client used; when empty it is derived from each request.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${mutualis.issuer.uri:}") String issuerUri) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!issuerUri.isBlank()) {
            settings.issuer(issuerUri);
        }
        return settings.build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> mutualisClaims(ClientDirectory clients) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            // Whoever the token is for (a client, or later a person), it is for the platform's APIs, which check it.
            List<String> audience = new ArrayList<>(context.getClaims().build().getAudience());
            audience.add(PLATFORM_AUDIENCE);
            context.getClaims().audience(audience);
            clients.profile(context.getRegisteredClient().getClientId()).ifPresent(profile -> context.getClaims()
                    .claim("name", profile.name())
                    .claim("tenants", profile.tenants())
                    .claim("roles", profile.roles()));
        };
    }
}
