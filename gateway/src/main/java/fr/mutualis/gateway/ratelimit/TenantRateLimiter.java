package fr.mutualis.gateway.ratelimit;

import fr.mutualis.gateway.config.GatewayLimitsProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One in-memory Bucket4j bucket per tenant, so that a tenant flooding the gateway exhausts only its own
 * allowance. In-memory on purpose (no Redis): each gateway instance limits on its own, so the effective limit
 * scales with the number of instances.
 */
@Component
public class TenantRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final GatewayLimitsProperties.RateLimit settings;
    private final Bandwidth bandwidth;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public TenantRateLimiter(GatewayLimitsProperties limits) {
        this(limits.rateLimit(), System::nanoTime);
    }

    TenantRateLimiter(GatewayLimitsProperties.RateLimit settings, LongSupplier nanoClock) {
        this.settings = settings;
        // One token every 1/rate seconds, refilled greedily (continuously): a fractional rate such as 0.25/s
        // stays exact, which "n tokens per second" could not express.
        this.bandwidth = Bandwidth.builder()
                .capacity(settings.burstCapacity())
                .refillGreedy(1, Duration.ofNanos(Math.max(1, Math.round(NANOS_PER_SECOND / settings.replenishRate()))))
                .build();
        this.clock = new NanoClock(nanoClock);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Charges one request to {@code tenant}. */
    public Decision acquire(String tenant) {
        if (buckets.size() >= settings.maxTrackedTenants() && !buckets.containsKey(tenant)) {
            forgetIdleBuckets();
        }
        Bucket bucket = buckets.computeIfAbsent(tenant,
                key -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ALLOWED
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int trackedTenants() {
        return buckets.size();
    }

    // Tenants come from signed tokens, so they are bounded by the issuer; dropping full buckets keeps only those
    // that are actually throttling (a full bucket behaves exactly like a new one). A request racing with the
    // removal charges a dropped full bucket: one token lost.
    private void forgetIdleBuckets() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= settings.burstCapacity());
    }

    /** Bucket4j's clock, monotonic; a supplier so that tests drive the time by hand. */
    private record NanoClock(LongSupplier nanos) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return nanos.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
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
