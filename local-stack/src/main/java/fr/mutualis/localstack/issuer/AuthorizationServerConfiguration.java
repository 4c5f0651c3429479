package fr.mutualis.localstack.issuer;

import fr.mutualis.contracts.HttpContract;
import fr.mutualis.testsupport.SharedRsaKeys;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A real OAuth2 authorization server (Spring Authorization Server): {@code client_credentials} at
 * {@code /oauth2/token}, RS256 JWT access tokens signed with an RSA key generated at start and published at
 * {@code /oauth2/jwks}, discovery at {@code /.well-known/openid-configuration} and
 * {@code /.well-known/oauth-authorization-server}. Each access token carries the client's {@code name},
 * {@code tenants} and {@code roles}, and {@value IssuerServer#PLATFORM_AUDIENCE} among its audiences; a person's
 * also their {@code email}. People ({@link DemoUsers}) sign in on {@code /login} for the console's
 * authorization code flow ({@link ConsoleClient}, PKCE) and sign out with OIDC RP-initiated logout
 * ({@code /connect/logout}); their tokens carry the same claims as the client of the same name.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The {@code aud} every access token carries, checked by the gateway and the services. */
    static final String PLATFORM_AUDIENCE = IssuerServer.PLATFORM_AUDIENCE;

    /** Spring Authorization Server's in-memory store, which also ends a person's authorizations on demand. */
    @Bean
    PeoplesAuthorizations authorizationService() {
        return new PeoplesAuthorizations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    authorizationServer.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // A browser that is not signed in yet is sent to the sign-in page; API clients get 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The OIDC user-info endpoint accepts the issuer's own tokens.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** {@code /demo/**} is open and stateless (local stack only). */
    @Bean
    @Order(2)
    SecurityFilterChain demoSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/demo/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * People sign in with a form (CSRF-protected) and keep a session at the issuer; everything else that is neither
     * an OAuth2 endpoint nor {@code /demo/**} is refused.
     */
    @Bean
    @Order(3)
    SecurityFilterChain signInSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/error").permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login"));
        return http.build();
    }

    /**
     * The encoder the authorization server checks client secrets with, and people's passwords: the one the secrets
     * were hashed with, so that a matched hash is never "upgraded" ({@link IssuerPasswords}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return IssuerPasswords.ENCODER;
    }

    @Bean
    DemoUsers demoUsers() {
        return new DemoUsers(DemoClients.ALL, DemoClients.SECRET);
    }

    @Bean
    ClientDirectory clientDirectory(@Value("${mutualis.issuer.console-urls:http://localhost:8080}")
                                    List<String> consoleUrls,
                                    @Value("${mutualis.issuer.console-access-token-ttl:PT5M}")
                                    Duration consoleAccessTokenTtl) {
        ClientDirectory directory = new ClientDirectory();
        DemoClients.ALL.forEach(profile -> directory.register(profile, DemoClients.SECRET));
        directory.save(ConsoleClient.registration(consoleUrls, consoleAccessTokenTtl));
        return directory;
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
        RSAKey key = SharedRsaKeys.load(IssuerServer.KEY_PROPERTY,
                () -> List.of(SharedRsaKeys.generate(UUID.randomUUID().toString()))).getFirst();
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
    OAuth2TokenCustomizer<JwtEncodingContext> mutualisClaims(ClientDirectory clients, DemoUsers people) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            // A person's tokens (code and refresh grants) carry the person's claims, a client's its own; the ID
            // token carries them too, so that the console can name the person and their collectivités.
            boolean person = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            if (!accessToken && !(idToken && person)) {
                return;
            }
            if (accessToken) {
                // Whoever the token is for (a client or a person), it is for the platform's APIs, which check it.
                List<String> audience = new ArrayList<>(context.getClaims().build().getAudience());
                audience.add(PLATFORM_AUDIENCE);
                context.getClaims().audience(audience);
            }
            Optional<ClientProfile> profile = person
                    ? people.profile(context.getPrincipal().getName())
                    : clients.profile(context.getRegisteredClient().getClientId());
            profile.ifPresent(found -> context.getClaims()
                    .claim("name", found.name())
                    .claim(HttpContract.TENANTS_CLAIM, found.tenants())
                    .claim(HttpContract.ROLES_CLAIM, found.roles()));
            // Only a person has an address (alert mails go to it), or a trial client registered to stand for one; a
            // client acting for itself has none.
            if (person) {
                profile.ifPresent(found -> context.getClaims().claim(DemoUsers.EMAIL_CLAIM, DemoUsers.email(found.clientId())));
            } else {
                profile.map(ClientProfile::email).ifPresent(email -> context.getClaims().claim(DemoUsers.EMAIL_CLAIM, email));
            }
        };
    }
}
