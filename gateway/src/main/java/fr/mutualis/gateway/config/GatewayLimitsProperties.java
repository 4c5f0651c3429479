package fr.mutualis.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches a service.
 *
 * @param maxRequestSize largest request body accepted; larger ones answer 413
 */
@ConfigurationProperties("mutualis.gateway")
public record GatewayLimitsProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
