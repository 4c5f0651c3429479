package fr.mutualis.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestKeysTest {

    @Test
    void theFirstJvmWritesTheKeysAndTheNextReadThem(@TempDir Path dir) {
        String configured = System.getProperty(TestKeys.PROPERTY);
        Path file = dir.resolve("build").resolve("test-keys.json");
        System.setProperty(TestKeys.PROPERTY, file.toString());
        try {
            TestKeys.Pair first = TestKeys.load();
            TestKeys.Pair next = TestKeys.load();

            assertThat(file).isRegularFile();
            assertThat(next.key()).isEqualTo(first.key());
            assertThat(next.other()).isEqualTo(first.other());
            assertThat(next.key().isPrivate()).as("the issuer signs with it").isTrue();
            assertThat(next.other().getKeyID()).isEqualTo(next.key().getKeyID());
            assertThat(next.other().getModulus()).isNotEqualTo(next.key().getModulus());
        } finally {
            if (configured == null) {
                System.clearProperty(TestKeys.PROPERTY);
            } else {
                System.setProperty(TestKeys.PROPERTY, configured);
            }
        }
    }
}
