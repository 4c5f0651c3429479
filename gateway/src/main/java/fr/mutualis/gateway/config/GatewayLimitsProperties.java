package fr.mutualis.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches a service.
 *
 * @param maxRequestSize largest request body accepted; larger ones answer 413
 * @param rateLimit      the per-tenant token bucket; requests over it answer 429
 */
@ConfigurationProperties("mutualis.gateway")
public record GatewayLimitsProperties(@DefaultValue("1MB") DataSize maxRequestSize,
                                      @DefaultValue RateLimit rateLimit) {

    public GatewayLimitsProperties {
        if (maxRequestSize.toBytes() <= 0 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mutualis.gateway.max-request-size must be between 1 byte and 2 GiB");
        }
    }

    /**
     * A token bucket per active tenant: it holds at most {@code burstCapacity} requests and refills at
     * {@code replenishRate} requests per second.
     *
     * @param enabled           false turns per-tenant limiting off (e.g. behind another limiter)
     * @param replenishRate     sustained requests per second a tenant may send
     * @param burstCapacity     requests a tenant may send at once after being idle
     * @param maxTrackedTenants buckets kept before idle (full) ones are dropped; bounds memory
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("100") double replenishRate,
                            @DefaultValue("400") int burstCapacity,
                            @DefaultValue("10000") int maxTrackedTenants) {

        public RateLimit {
            if (!(replenishRate > 0)) {
                throw new IllegalArgumentException("mutualis.gateway.rate-limit.replenish-rate must be positive");
            }
            if (burstCapacity < 1) {
                throw new IllegalArgumentException("mutualis.gateway.rate-limit.burst-capacity must be at least 1");
            }
            if (maxTrackedTenants < 1) {
                throw new IllegalArgumentException("mutualis.gateway.rate-limit.max-tracked-tenants must be at least 1");
            }
        }
    }
}
