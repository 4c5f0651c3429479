package fr.mutualis.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The two RSA keys of {@link TestTokenIssuer}: its own and another one under the same key id. Generated once per build
 * and shared by its test JVMs through the file the build names ({@value #PROPERTY}), else generated in this JVM:
 * generating a 2048-bit RSA key costs 0.5 to 2.5 CPU-s under the tests' C1 compiler (the JDK's big-integer intrinsics
 * are C2's), which every test JVM paid twice.
 */
final class TestKeys {

    static final String PROPERTY = "mutualis.test-keys";

    record Pair(RSAKey key, RSAKey other) {
    }

    private TestKeys() {
    }

    /** The keys of the file {@value #PROPERTY} names, written there first by whichever JVM comes first. */
    static Pair load() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return generate();
        }
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                Pair fresh = generate();
                Files.createDirectories(path.toAbsolutePath().getParent());
                Path written = Files.createTempFile(path.toAbsolutePath().getParent(), "test-keys", ".json");
                Files.writeString(written, new JWKSet(List.of(fresh.key(), fresh.other())).toString(false));
                // a rename: another JVM reads the whole file or none; when two wrote, each reads the last one's
                Files.move(written, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            List<JWK> keys = JWKSet.parse(Files.readString(path)).getKeys();
            return new Pair(keys.get(0).toRSAKey(), keys.get(1).toRSAKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable test keys in " + path, e);
        }
    }

    private static Pair generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            // Same kid as the real key: only the signature can tell them apart.
            return new Pair(key, new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
