package fr.mutualis.localstack.issuer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Gets access tokens with the {@code client_credentials} grant and HTTP Basic client authentication, from any
 * OAuth2 token endpoint (the embedded issuer's {@code /oauth2/token}, or Keycloak's
 * {@code /realms/mutualis/protocol/openid-connect/token}).
 */
public final class TokenClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenUri;
    private final HttpClient http;

    public TokenClient(URI tokenUri) {
        this.tokenUri = tokenUri;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI tokenUri() {
        return tokenUri;
    }

    /** A fresh access token (a JWT) for {@code clientId}; fails with the issuer's answer when refused. */
    public String token(String clientId, String secret) {
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
        JsonNode accessToken = JSON.readTree(response.body()).get("access_token");
        if (accessToken == null || !accessToken.isString()) {
            throw new IllegalStateException("Token response without access_token: " + response.body());
        }
        return accessToken.asString();
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before Basic encoding. */
    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
