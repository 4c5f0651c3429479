package fr.mutualis.console.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizedClientRefreshedEventListener;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The console is an OAuth2 client (backend-for-frontend): a person signs in at the issuer with the authorization
 * code flow and PKCE; the tokens stay in the server-side session; the browser only holds the HttpOnly, SameSite=Lax
 * session cookie. Every form carries a CSRF token (Spring Security's default, on the session).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** An access token is refreshed this long before it expires, so that no call to the platform carries a dead one. */
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(30);

    static final String REGISTRATION_ID = "mutualis";
    /** Public page shown after logout; the issuer sends the browser back to it. */
    static final String LOGGED_OUT_PATH = "/au-revoir";

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                                   @Value("${spring.security.oauth2.client.provider.mutualis.issuer-uri}")
                                                   String issuerUri) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        // Spring Security adds PKCE only for public clients; the issuer requires it of the console as well.
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logoutAtIssuer = new OidcClientInitiatedLogoutSuccessHandler(
                registrations);
        logoutAtIssuer.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT_PATH);
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(LOGGED_OUT_PATH, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint ->
                        endpoint.authorizationRequestResolver(pkce)))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessHandler(logoutAtIssuer))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new LostSessionHandler("/interdit")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self' " + origin(issuerUri))));
        return http.build();
    }

    /** The issuer's origin: the logout form's redirect goes there, and CSP's form-action applies to redirects. */
    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }

    /**
     * Authorized clients (the tokens) live in the HTTP session, which Spring Session stores in PostgreSQL: every
     * console instance serves the same person, and nothing is lost at a restart.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * Gives the current access token, refreshing it 30 s before it expires, once per session when several requests
     * find it expiring ({@link OneRefreshPerSession}). Each refresh is published, so that the ID token the issuer
     * sends with it replaces the person's (logout at the issuer names the latest one).
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients,
                                                          ApplicationEventPublisher events,
                                                          SessionRepository<? extends Session> sessions,
                                                          TransactionTemplate transactions, JdbcClient jdbc) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClockSkew(REFRESH_BEFORE_EXPIRY);
        refresh.setApplicationEventPublisher(events);
        OAuth2AuthorizedClientProvider provider = new DelegatingOAuth2AuthorizedClientProvider(
                new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh);
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return new OneRefreshPerSession(manager, authorizedClients, sessions, transactions, jdbc, REFRESH_BEFORE_EXPIRY,
                Clock.systemUTC());
    }

    /** Puts the refreshed ID token into the person's authentication (then saved by {@link RefreshedPerson}). */
    @Bean
    OidcAuthorizedClientRefreshedEventListener oidcAuthorizedClientRefreshedEventListener() {
        return new OidcAuthorizedClientRefreshedEventListener();
    }
}
