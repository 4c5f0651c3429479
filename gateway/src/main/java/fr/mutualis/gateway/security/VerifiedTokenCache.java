package fr.mutualis.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves a token the decoder has already accepted, by its exact string, until the token's {@code exp}: a client sends
 * the same token on every request for its whole life, and verifying it again (RSA signature, JWK parsing, claim
 * conversion, validators) was about a seventh of the gateway's CPU per relayed request. What the decoder checks
 * depends only on the token's bytes, its key and the time: the first two are the cache key, the time is checked here
 * again on every hit. Only accepted tokens with an expiry are kept, so a refused or forged token is verified every
 * time, as before. A token is trusted at most {@code maximumTrust} after its verification (then verified again), as
 * in the services' cache ({@code fr.mutualis.kit.security.VerifiedTokenCache}): no longer than the issuer's JWK set is
 * trusted once fetched, so a key withdrawn from the set stops being accepted within that time.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Duration maximumTrust;
    private final Cache<String, Accepted> accepted;

    public VerifiedTokenCache(ReactiveJwtDecoder decoder, long maximumTokens, Duration maximumTrust, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.maximumTrust = maximumTrust;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                // Memory only: an entry past its time is never served (see decode), whenever Caffeine drops it.
                .expireAfter(Expiry.creating((String token, Accepted entry) -> remaining(entry.until())))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Accepted known = accepted.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.until())) {
            return Mono.just(known.jwt());
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                Instant trustedUntil = clock.instant().plus(maximumTrust);
                accepted.put(token, new Accepted(jwt,
                        jwt.getExpiresAt().isBefore(trustedUntil) ? jwt.getExpiresAt() : trustedUntil));
            }
        });
    }

    private Duration remaining(Instant until) {
        Duration remaining = Duration.between(clock.instant(), until);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** A verified token and the instant it must be verified again: its expiry, or the end of its key's trust. */
    private record Accepted(Jwt jwt, Instant until) {
    }
}
