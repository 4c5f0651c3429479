package fr.mutualis.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond signature, issuer and expiry.
 *
 * @param audience when set, a token's {@code aud} claim must contain it; blank means no audience check
 */
@ConfigurationProperties("mutualis.security")
public record GatewaySecurityProperties(String audience) {

    public boolean checksAudience() {
        return audience != null && !audience.isBlank();
    }
}
