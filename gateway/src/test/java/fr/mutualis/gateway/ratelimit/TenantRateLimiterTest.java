package fr.mutualis.gateway.ratelimit;

import fr.mutualis.gateway.config.GatewayLimitsProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bucket arithmetic on a hand-driven clock: burst, refill, Retry-After, isolation, memory bound. */
class TenantRateLimiterTest {

    static final long SECOND = 1_000_000_000L;

    final AtomicLong now = new AtomicLong(42 * SECOND);

    TenantRateLimiter limiter(double replenishRate, int burst, int maxTracked) {
        return new TenantRateLimiter(new GatewayLimitsProperties.RateLimit(true, replenishRate, burst, maxTracked),
                now::get);
    }

    @Test
    void aTenantMaySendItsBurstAtOnceThenIsRefused() {
        TenantRateLimiter limiter = limiter(1, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("A").allowed()).isTrue();
        }
        TenantRateLimiter.Decision refused = limiter.acquire("A");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheReplenishRateUpToTheBurst() {
        TenantRateLimiter limiter = limiter(2, 4, 100);
        for (int i = 0; i < 4; i++) {
            limiter.acquire("A");
        }
        assertThat(limiter.acquire("A").allowed()).isFalse();

        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire("A").allowed()).isTrue();
        assertThat(limiter.acquire("A").allowed()).isFalse();

        now.addAndGet(3600 * SECOND);
        int allowed = 0;
        while (limiter.acquire("A").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("an idle hour refills the bucket, no more").isEqualTo(4);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        TenantRateLimiter limiter = limiter(0.25, 1, 100);
        limiter.acquire("A");
        now.addAndGet(SECOND);
        TenantRateLimiter.Decision refused = limiter.acquire("A");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);

        now.addAndGet(SECOND * 5 / 2);
        assertThat(limiter.acquire("A").retryAfterSeconds()).as("half a second left").isEqualTo(1);
    }

    @Test
    void oneTenantsFloodLeavesTheOthersUntouched() {
        TenantRateLimiter limiter = limiter(1, 3, 100);
        for (int i = 0; i < 50; i++) {
            limiter.acquire("A");
        }
        assertThat(limiter.acquire("A").allowed()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("B").allowed()).isTrue();
        }
        assertThat(limiter.acquire("B").allowed()).isFalse();
    }

    @Test
    void idleBucketsAreForgottenOnceTheTrackingLimitIsReachedButBusyOnesAreKept() {
        TenantRateLimiter limiter = limiter(1, 2, 3);
        limiter.acquire("busy");
        limiter.acquire("busy");
        limiter.acquire("idle-1");
        limiter.acquire("idle-2");
        now.addAndGet(SECOND);
        assertThat(limiter.trackedTenants()).isEqualTo(3);

        limiter.acquire("newcomer");

        // idle-1 and idle-2 have refilled (full = same as new); busy has not, and still has only one token.
        assertThat(limiter.trackedTenants()).isEqualTo(2);
        assertThat(limiter.acquire("busy").allowed()).isTrue();
        assertThat(limiter.acquire("busy").allowed()).isFalse();
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayLimitsProperties.RateLimit(true, 0, 10, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayLimitsProperties.RateLimit(true, 1, 0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new GatewayLimitsProperties.RateLimit(true, 1, 1, 0));
    }
}
