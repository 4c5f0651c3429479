package fr.mutualis.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from. Keys are fetched from {@code jwkSetUri} lazily (a service starts before its
 * issuer), and the {@code iss} claim must equal {@code issuerUri}. When {@code audience} is set (as on the gateway,
 * same property), the token's {@code aud} must contain it.
 */
@ConfigurationProperties("mutualis.security")
public record MutualisSecurityProperties(String issuerUri, String jwkSetUri, String audience) {

    public MutualisSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            issuerUri = "http://localhost:9000";
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/oauth2/jwks";
        }
    }
}
