package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.FakeApp;
import fr.mutualis.localstack.StackApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Executable jars extracted once per content of the jar, with {@link FakeApp}'s jar (which extracts itself as a Spring
 * Boot jar does with {@code -Djarmode=tools extract}).
 */
class ExtractedJarsTest {

    @TempDir
    Path dir;

    @Test
    void aJarIsExtractedOnceAndEachBuildThatChangesItReplacesTheEarlierExtraction() throws Exception {
        Path jar = FakeApp.jar(dir.resolve("build"));
        ExtractedJars jars = new ExtractedJars(dir.resolve("extracted"));

        Path first = jars.extract(StackApp.PORTFOLIO, jar);
        assertThat(first).isRegularFile().hasSameBinaryContentAs(jar);
        assertThat(first.getParent().getParent()).isEqualTo(dir.resolve("extracted"));
        assertThat(first.getParent().getFileName().toString()).matches("portfolio-service-\\p{XDigit}{12}");
        // a marker in the extraction survives a second start: it was not extracted again
        Path marker = Files.createFile(first.resolveSibling("marker"));
        assertThat(jars.extract(StackApp.PORTFOLIO, jar)).isEqualTo(first);
        assertThat(marker).exists();

        // another jar file (another checkout, a test's stand-in) has its own extraction, left alone by this one's
        Path other = jars.extract(StackApp.PORTFOLIO, FakeApp.jar(dir.resolve("other")));
        assertThat(other.getParent()).isNotEqualTo(first.getParent());

        // Spring Boot's repackaging writes the executable jar again at every build: same entries, a new time
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(jars.extract(StackApp.PORTFOLIO, jar)).as("the same entries written again").isEqualTo(first);
        assertThat(marker).exists();

        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("fr", "mutualis", "changed.txt"), "a build that changed the jar");
        }
        Path rebuilt = jars.extract(StackApp.PORTFOLIO, jar);
        assertThat(rebuilt.getParent()).as("a new build, a new extraction").isNotEqualTo(first.getParent());
        assertThat(first.getParent()).as("the earlier build's, removed").doesNotExist();
        assertThat(other).as("another jar's, kept").exists();
        assertThat(entries(dir.resolve("extracted"))).as("no temporary directory left")
                .containsExactlyInAnyOrder(rebuilt.getParent(), other.getParent());
    }

    @Test
    void stacksExtractingTheSameJarAtOnceGetTheSameExtraction() throws Exception {
        Path jar = FakeApp.jar(dir.resolve("build"));
        List<CompletableFuture<Path>> starts = Stream.generate(() -> new ExtractedJars(dir.resolve("extracted")))
                .limit(4)
                .map(jars -> CompletableFuture.supplyAsync(() -> jars.extract(StackApp.BUDGET, jar)))
                .toList();

        List<Path> extracted = starts.stream().map(CompletableFuture::join).distinct().toList();

        assertThat(extracted).hasSize(1);
        assertThat(extracted.getFirst()).isRegularFile();
        assertThat(entries(dir.resolve("extracted"))).containsExactly(extracted.getFirst().getParent());
    }

    @Test
    void aJarThatCannotBeExtractedIsAFailureNamingItAndLeavesNothing() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("budget-service-0.1.0-SNAPSHOT-exec.jar"), "not a jar");
        ExtractedJars jars = new ExtractedJars(dir.resolve("extracted"));

        assertThatThrownBy(() -> jars.extract(StackApp.BUDGET, notAJar))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(notAJar.toString())
                .hasStackTraceContaining("extracting budget-service failed");
        assertThat(entries(dir.resolve("extracted"))).isEmpty();
    }

    private static List<Path> entries(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
