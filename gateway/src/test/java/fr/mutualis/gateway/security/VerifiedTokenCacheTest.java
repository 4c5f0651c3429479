package fr.mutualis.gateway.security;

import fr.mutualis.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache in front of the decoder: a token is verified once while it is valid, never served past its expiry, and a
 * refused token is never remembered. The decoder here stands for Boot's (signature, issuer, validators); the
 * gateway's integration test runs the real one behind the cache.
 */
class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");
    static final Duration TRUST = Duration.ofMinutes(5);

    final AtomicInteger verifications = new AtomicInteger();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Accepts "good-*" tokens, expiring 5 minutes after NOW; refuses any other. */
    final ReactiveJwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        return token.startsWith("good-") ? Mono.just(jwt(token, NOW.plus(Duration.ofMinutes(5))))
                : Mono.error(new BadJwtException("refused"));
    };

    @Test
    void anAcceptedTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 10, TRUST, clock);

        Jwt first = cache.decode("good-1").block();
        Jwt second = cache.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 10, TRUST, clock);

        cache.decode("good-1").block();
        assertThat(cache.decode("good-2").block().getTokenValue()).isEqualTo("good-2");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgain() {
        MovableClock later = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 10, TRUST, later);
        cache.decode("good-1").block();

        later.set(NOW.plus(Duration.ofMinutes(5)));
        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainOnceItsKeyIsNoLongerTrusted() {
        ReactiveJwtDecoder hourLong = token -> {
            verifications.incrementAndGet();
            return Mono.just(jwt(token, NOW.plus(Duration.ofHours(1))));
        };
        MovableClock later = new MovableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(hourLong, 10, TRUST, later);
        cache.decode("good-1").block();

        later.set(NOW.plus(TRUST).minusSeconds(1));
        cache.decode("good-1").block();
        assertThat(verifications).hasValue(1);

        later.set(NOW.plus(TRUST));
        cache.decode("good-1").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, 10, TRUST, clock);

        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() {
        ReactiveJwtDecoder noExpiry = token -> {
            verifications.incrementAndGet();
            return Mono.just(jwt(token, null));
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(noExpiry, 10, TRUST, clock);

        cache.decode("good-1").block();
        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("camille-test")
                .issuedAt(NOW.minusSeconds(1));
        return (expiresAt == null ? jwt : jwt.expiresAt(expiresAt)).build();
    }
}
