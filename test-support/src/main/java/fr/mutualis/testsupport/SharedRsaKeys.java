package fr.mutualis.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * RSA signing keys made once per build and shared by its JVMs through the file a system property names (the build
 * sets it for every test JVM), else made in this JVM. Generating a 2048-bit RSA key costs about 0.4 to 2.6 CPU-s under
 * the tests' C1 compiler (the JDK's big-integer intrinsics are C2's; docs/benchmarks.md, sessions 19 and 20), which
 * every test JVM and every issuer of a local stack paid.
 */
public final class SharedRsaKeys {

    private SharedRsaKeys() {
    }

    /**
     * The keys of the file {@code property} names, written there first by whichever JVM comes first; those of
     * {@code generate} when the property is not set.
     */
    public static List<RSAKey> load(String property, Supplier<List<RSAKey>> generate) {
        String file = System.getProperty(property);
        if (file == null || file.isBlank()) {
            return generate.get();
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            if (!Files.exists(path)) {
                List<RSAKey> fresh = generate.get();
                Files.createDirectories(path.getParent());
                Path written = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
                Files.writeString(written, new JWKSet(List.copyOf(fresh)).toString(false));
                // a rename: another JVM reads the whole file or none; when two wrote, each reads the last one's
                Files.move(written, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return JWKSet.parse(Files.readString(path)).getKeys().stream().map(JWK::toRSAKey).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable keys in " + path, e);
        }
    }

    /** A new 2048-bit RSA key for signatures, under {@code keyId}. */
    public static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
