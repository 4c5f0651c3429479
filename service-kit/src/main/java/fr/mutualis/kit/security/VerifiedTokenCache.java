package fr.mutualis.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * A {@link JwtDecoder} that checks a token's signature once, not at every request: a client sends the same token for
 * many requests, and parsing it and verifying its RS256 signature was about a twelfth of a service's CPU per create
 * (flight recording, docs/benchmarks.md). A token is remembered only once {@code verifier} accepted it, and only by
 * its exact text (the signature covers every byte of header and claims). Each later use runs {@code validator} again,
 * so expiry, not-before, issuer, audience and tenants are checked at every request as before; a refused token is
 * never remembered.
 * <p>
 * A token stays trusted at most {@code timeToLive} after its first verification: no longer than the issuer's keys
 * are trusted already, as the JWK set itself is cached for five minutes by Spring Security's decoder. The gateway
 * keeps its own reactive cache on the same terms ({@code fr.mutualis.gateway.security.VerifiedTokenCache}).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumTokens,
                              Duration timeToLive) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfterWrite(timeToLive).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }
}
