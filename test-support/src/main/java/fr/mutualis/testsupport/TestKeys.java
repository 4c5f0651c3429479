package fr.mutualis.testsupport;

import com.nimbusds.jose.jwk.RSAKey;

import java.util.List;
import java.util.UUID;

/**
 * The two RSA keys of {@link TestTokenIssuer}: its own and another one under the same key id, made once per build
 * ({@link SharedRsaKeys}, the file {@value #PROPERTY} names).
 */
final class TestKeys {

    static final String PROPERTY = "mutualis.test-keys";

    record Pair(RSAKey key, RSAKey other) {
    }

    private TestKeys() {
    }

    static Pair load() {
        List<RSAKey> keys = SharedRsaKeys.load(PROPERTY, () -> {
            RSAKey key = SharedRsaKeys.generate(UUID.randomUUID().toString());
            // Same kid as the real key: only the signature can tell them apart.
            return List.of(key, SharedRsaKeys.generate(key.getKeyID()));
        });
        return new Pair(keys.get(0), keys.get(1));
    }
}
