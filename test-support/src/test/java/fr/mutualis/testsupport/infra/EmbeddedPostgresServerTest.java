package fr.mutualis.testsupport.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void serversGivenTheSharedDirectoryRunFromOneUnpackedCopyThereAndUnpackNothingBesideTheirData(@TempDir Path dir)
            throws Exception {
        String configured = System.getProperty(EmbeddedPostgresServer.BINARIES_PROPERTY);
        // the build's own directory when it names one (already unpacked by then: nothing more to pay), else a new one
        Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : dir.resolve("shared");
        System.setProperty(EmbeddedPostgresServer.BINARIES_PROPERTY, shared.toString());
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(0, dir.resolve("first").resolve("data"), false);
             EmbeddedPostgresServer second = EmbeddedPostgresServer.start(0, dir.resolve("second").resolve("data"), false)) {
            assertThat(answersOne(first)).isTrue();
            assertThat(answersOne(second)).isTrue();
            assertThat(dir.resolve("first").resolve("pg-binaries")).doesNotExist();
            assertThat(dir.resolve("second").resolve("pg-binaries")).doesNotExist();
            try (Stream<Path> unpacked = Files.list(shared)) {
                assertThat(unpacked.filter(path -> path.getFileName().toString().startsWith("PG-")))
                        .singleElement().satisfies(copy -> assertThat(copy.resolve("bin").resolve("postgres")).isExecutable());
            }
        } finally {
            restore(configured);
        }
    }

    @Test
    void withoutTheSharedDirectoryTheBinariesGoBesideTheData() {
        String configured = System.getProperty(EmbeddedPostgresServer.BINARIES_PROPERTY);
        System.clearProperty(EmbeddedPostgresServer.BINARIES_PROPERTY);
        try {
            assertThat(EmbeddedPostgresServer.binariesDirectory(Path.of("work", "pg")))
                    .isEqualTo(Path.of("work", "pg-binaries"));
        } finally {
            restore(configured);
        }
    }

    private static boolean answersOne(EmbeddedPostgresServer server) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
             ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            return result.next() && result.getInt(1) == 1;
        }
    }

    private static void restore(String configured) {
        if (configured == null) {
            System.clearProperty(EmbeddedPostgresServer.BINARIES_PROPERTY);
        } else {
            System.setProperty(EmbeddedPostgresServer.BINARIES_PROPERTY, configured);
        }
    }
}
