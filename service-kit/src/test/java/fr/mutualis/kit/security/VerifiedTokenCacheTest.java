package fr.mutualis.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.mutualis.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final JwtTimestampValidator timestamps = timestamps(clock);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder cache = new VerifiedTokenCache(countingVerifier(), timestamps, 100, Duration.ofMinutes(5));

    @Test
    void aTokenIsVerifiedOnceThenRecognised() {
        String token = sign(KEYS, clock.instant().plusSeconds(300));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second.getClaimAsStringList("tenants")).containsExactly("210000022");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRecognisedTokenIsRefusedOnceExpired() {
        String token = sign(KEYS, clock.instant().plusSeconds(300));
        cache.decode(token);

        clock.advance(Duration.ofSeconds(300).plus(JWT_CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String forged = sign(OTHER_KEYS, clock.instant().plusSeconds(300));

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    /** Spring Security's default tolerance between the issuer's clock and ours. */
    private static final Duration JWT_CLOCK_SKEW = Duration.ofSeconds(60);

    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        nimbus.setJwtValidator(timestamps);
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(JWT_CLOCK_SKEW);
        validator.setClock(clock);
        return validator;
    }

    private static String sign(KeyPair keys, Instant expiry) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("valmont-agent").issueTime(Date.from(expiry.minusSeconds(600)))
                    .expirationTime(Date.from(expiry)).claim("tenants", List.of("210000022")).build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
