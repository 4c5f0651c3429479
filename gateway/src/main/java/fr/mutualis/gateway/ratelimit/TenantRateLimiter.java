package fr.mutualis.gateway.ratelimit;

import fr.mutualis.gateway.config.GatewayLimitsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One in-memory {@link TokenBucket} per tenant, so that a tenant flooding the gateway exhausts only its own
 * allowance. In-memory on purpose (no Redis): each gateway instance limits on its own, so the effective limit
 * scales with the number of instances.
 */
@Component
public class TenantRateLimiter {

    private final GatewayLimitsProperties.RateLimit settings;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public TenantRateLimiter(GatewayLimitsProperties limits) {
        this(limits.rateLimit(), System::nanoTime);
    }

    TenantRateLimiter(GatewayLimitsProperties.RateLimit settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Charges one request to {@code tenant}. */
    public Decision acquire(String tenant) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= settings.maxTrackedTenants() && !buckets.containsKey(tenant)) {
            forgetIdleBuckets(now);
        }
        TokenBucket bucket = buckets.computeIfAbsent(tenant,
                key -> new TokenBucket(settings.burstCapacity(), settings.replenishRate(), now));
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? Decision.ALLOWED : new Decision(false, Duration.ofNanos(waitNanos));
    }

    int trackedTenants() {
        return buckets.size();
    }

    // Tenants come from signed tokens, so they are bounded by the issuer; dropping full buckets keeps only those
    // that are actually throttling. A request racing with the removal charges a dropped full bucket: one token lost.
    private void forgetIdleBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    /**
     * @param allowed    whether the request may go on
     * @param retryAfter when refused, how long until the tenant may send one more request
     */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
        }
    }
}
