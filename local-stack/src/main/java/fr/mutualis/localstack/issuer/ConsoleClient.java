package fr.mutualis.localstack.issuer;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The web console's registration (ARCHITECTURE.md §9): a confidential client (the console is a backend-for-frontend,
 * its secret stays on the server) using the authorization code grant with PKCE, then refresh tokens. Its access
 * tokens live five minutes: a person's rights withdrawn at the issuer stop working quickly, and the console
 * refreshes them as they expire.
 */
public final class ConsoleClient {

    public static final String CLIENT_ID = "console";
    /** Demo value, local stack only. */
    public static final String SECRET = "demo";
    /** The console's registration id in Spring Security's OAuth2 client: its redirect path ends with it. */
    public static final String REGISTRATION_ID = "mutualis";
    public static final String REDIRECT_PATH = "/login/oauth2/code/" + REGISTRATION_ID;
    /** Where the issuer sends the browser back after logout: a public page of the console. */
    public static final String POST_LOGOUT_PATH = "/au-revoir";
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);
    public static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(10);

    /** The registration for a console reachable at each of {@code baseUrls} (e.g. {@code http://localhost:8080}). */
    public static RegisteredClient registration(List<String> baseUrls) {
        return registration(baseUrls, ACCESS_TOKEN_TTL);
    }

    /**
     * The same with another access-token lifetime: tests shorten it to see the console refresh tokens within a run.
     */
    public static RegisteredClient registration(List<String> baseUrls, Duration accessTokenTtl) {
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName("Console Mutualis")
                .clientSecret(IssuerPasswords.ENCODER.encode(SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(accessTokenTtl)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build());
        for (String baseUrl : baseUrls) {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            client.redirectUri(base + REDIRECT_PATH).postLogoutRedirectUri(base + POST_LOGOUT_PATH);
        }
        return client.build();
    }

    private ConsoleClient() {
    }
}
