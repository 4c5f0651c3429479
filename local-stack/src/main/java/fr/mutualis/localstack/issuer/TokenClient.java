package fr.mutualis.localstack.issuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets access tokens with the {@code client_credentials} grant and HTTP Basic client authentication, from any
 * OAuth2 token endpoint (the embedded issuer's {@code /oauth2/token}, or Keycloak's
 * {@code /realms/mutualis/protocol/openid-connect/token}).
 * <p>
 * Like any OAuth2 client, it keeps the token it obtained for a client until shortly before the token expires
 * ({@code expires_in}) and answers it again meanwhile: the end-to-end tests ask for a client's token before most
 * of their requests, and each token request costs the embedded issuer a BCrypt check of the secret and an RSA
 * signature.
 */
public final class TokenClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A kept token is asked for again this long before it expires, so that it never expires in a caller's hands. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final URI tokenUri;
    private final HttpClient http;
    private final Clock clock;
    private final Map<Credentials, Obtained> obtained = new ConcurrentHashMap<>();

    public TokenClient(URI tokenUri) {
        this(tokenUri, Clock.systemUTC());
    }

    TokenClient(URI tokenUri, Clock clock) {
        this.tokenUri = tokenUri;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.clock = clock;
    }

    private record Credentials(String clientId, String secret) {
    }

    private record Obtained(String token, Instant renewAt) {
    }

    public URI tokenUri() {
        return tokenUri;
    }

    /**
     * An access token (a JWT) for {@code clientId}: the one obtained earlier while it is not about to expire, else a
     * new one; fails with the issuer's answer when refused.
     */
    public String token(String clientId, String secret) {
        Credentials credentials = new Credentials(clientId, secret);
        Obtained kept = obtained.get(credentials);
        if (kept != null && clock.instant().isBefore(kept.renewAt())) {
            return kept.token();
        }
        Obtained fresh = request(clientId, secret);
        obtained.put(credentials, fresh);
        return fresh.token();
    }

    private Obtained request(String clientId, String secret) {
        Instant asked = clock.instant();
        String basic = Base64.getEncoder().encodeToString(
                (urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                // a machine shared by several builds can keep the embedded issuer from answering for tens of seconds
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Token request to " + tokenUri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request for client '" + clientId + "' to " + tokenUri
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode accessToken = answer.get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new IllegalStateException("Token response without access_token: " + response.body());
        }
        // without expires_in (optional in RFC 6749) the token is not kept
        JsonNode expiresIn = answer.get("expires_in");
        Instant renewAt = expiresIn != null && expiresIn.canConvertToLong()
                ? asked.plusSeconds(expiresIn.asLong()).minus(RENEW_BEFORE_EXPIRY) : asked;
        return new Obtained(accessToken.asString(), renewAt);
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before Basic encoding. */
    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
