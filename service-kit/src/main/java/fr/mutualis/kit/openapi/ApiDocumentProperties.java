package fr.mutualis.kit.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says of the deployment: the public URLs a client uses (the gateway, the issuer),
 * not the service's own ones. They are configuration, not derived from the request or from the token checks, so that
 * the served document is the same everywhere and equals the committed one the client is generated from.
 *
 * @param title       the document's title; the service's name when unset
 * @param version     the API's version
 * @param serverUrl   the gateway's public URL
 * @param issuerUri   the OAuth2 issuer's public URL; its token and authorization endpoints follow Spring Authorization
 *                    Server's paths unless set below
 * @param tokenUrl    the issuer's token endpoint (client credentials, authorization code)
 * @param authorizationUrl the issuer's authorization endpoint (authorization code)
 */
@ConfigurationProperties("mutualis.openapi")
public record ApiDocumentProperties(String title, String version, String serverUrl, String issuerUri, String tokenUrl,
                                    String authorizationUrl) {

    public ApiDocumentProperties {
        version = version == null || version.isBlank() ? "v1" : version;
        serverUrl = serverUrl == null || serverUrl.isBlank() ? "http://localhost:8080" : serverUrl;
        issuerUri = issuerUri == null || issuerUri.isBlank() ? "http://localhost:9000" : issuerUri;
        tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? issuerUri + "/oauth2/token" : tokenUrl;
        authorizationUrl = authorizationUrl == null || authorizationUrl.isBlank()
                ? issuerUri + "/oauth2/authorize" : authorizationUrl;
    }
}
