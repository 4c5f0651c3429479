package fr.mutualis.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Serves a token the decoder has already accepted, by its exact string, until the token's {@code exp}: a client sends
 * the same token on every request for its whole life, and verifying it again (RSA signature, JWK parsing, claim
 * conversion, validators) was about a seventh of the gateway's CPU per relayed request. What the decoder checks
 * depends only on the token's bytes, its key and the time: the first two are the cache key, the time is checked here
 * again on every hit. Only accepted tokens with an expiry are kept, so a refused or forged token is verified every
 * time, as before. A token stays accepted until its {@code exp} even if its key leaves the issuer's JWK set meanwhile,
 * as with any stateless token: revocation is the tokens' short life.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public VerifiedTokenCache(ReactiveJwtDecoder decoder, long maximumTokens, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                // Memory only: an entry past its exp is never served (see decode), whenever Caffeine drops it.
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> remainingLife(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                accepted.put(token, jwt);
            }
        });
    }

    private Duration remainingLife(Jwt jwt) {
        Duration remaining = Duration.between(clock.instant(), jwt.getExpiresAt());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
