package fr.mutualis.testsupport;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class SharedRsaKeysTest {

    private static final String PROPERTY = "mutualis.shared-rsa-keys-test";

    @Test
    void madeOnceWhenTheBuildNamesAFileAndAtEveryLoadOtherwise(@TempDir Path dir) {
        AtomicInteger made = new AtomicInteger();
        Supplier<List<RSAKey>> generate = () -> {
            made.incrementAndGet();
            return List.of(SharedRsaKeys.generate("k-" + made.get()));
        };

        SharedRsaKeys.load(PROPERTY, generate);
        SharedRsaKeys.load(PROPERTY, generate);
        assertThat(made).as("no file named: each load makes its own").hasValue(2);

        System.setProperty(PROPERTY, dir.resolve("keys.json").toString());
        try {
            List<RSAKey> first = SharedRsaKeys.load(PROPERTY, generate);
            List<RSAKey> next = SharedRsaKeys.load(PROPERTY, generate);

            assertThat(made).as("made once, then read").hasValue(3);
            assertThat(next).isEqualTo(first);
            assertThat(next.getFirst().isPrivate()).as("what signs must be read back").isTrue();
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
