package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.FakeApp;
import fr.mutualis.localstack.StackApp;
import fr.mutualis.testsupport.infra.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ahead-of-time cache with a real JDK 25 training run and start, on {@link FakeApp}'s jar extracted (it extracts
 * itself and stops at {@code spring.context.exit=onRefresh} as a Spring Boot jar does).
 */
class AotCacheTest {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");

    @TempDir
    Path dir;

    @Test
    void onlyJdk25AndLaterHaveIt() {
        assertThat(AotCache.supported(Runtime.Version.parse("21.0.5"))).isFalse();
        assertThat(AotCache.supported(Runtime.Version.parse("24"))).isFalse();
        assertThat(AotCache.supported(Runtime.Version.parse("25.0.1"))).isTrue();
    }

    @Test
    void anAppTrainedOnceStartsFromItsCacheUntilItsJarChanges() throws Exception {
        assumeTrue(AotCache.supported(Runtime.version()), "needs JDK " + AotCache.FIRST_JDK);
        Path jar = new ExtractedJars(dir.resolve("jars")).extract(StackApp.PORTFOLIO, FakeApp.jar(dir.resolve("build")));
        AotCache cache = new AotCache(dir.resolve("aot"), JVM_OPTIONS, dir.resolve("logs"));

        // the first start launches the extracted jar at once, without a cache: training waits for the stack
        AotCache.Launch untrained = cache.prepare(StackApp.PORTFOLIO, jar);
        assertThat(untrained.cached()).isFalse();
        assertThat(untrained.jar()).isEqualTo(jar);

        assertThat(cache.train(StackApp.PORTFOLIO, untrained, Map.of(), Duration.ofMinutes(3))).isTrue();
        AotCache.Launch trained = cache.prepare(StackApp.PORTFOLIO, jar);
        assertThat(trained.cached()).isTrue();
        assertThat(trained.jar()).isEqualTo(jar);
        assertThat(trained.cache()).isRegularFile();
        assertThat(trained.jvmOptions()).containsExactly("-XX:AOTCache=" + trained.cache());

        // AOTMode=on: the JVM refuses to start unless it can map the cache, so a ready app did start from it.
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(trained.jvmOptions());
        options.add("-XX:AOTMode=on");
        int port = FreePorts.pick();
        AppProcess app = new AppProcess(StackApp.PORTFOLIO, trained.jar(), port,
                Map.of("SERVER_PORT", String.valueOf(port)), options, dir.resolve("logs").resolve("portfolio.log"));
        try {
            app.start(true);
            new ReadinessWaiter().awaitReady(List.of(app), Duration.ofMinutes(2));
        } finally {
            app.stop(Duration.ofSeconds(5));
        }

        AotCache otherOptions = new AotCache(dir.resolve("aot"), List.of("-XX:+UseSerialGC", "-Xmx64m",
                "-XX:TieredStopAtLevel=1"), dir.resolve("logs"));
        assertThat(otherOptions.prepare(StackApp.PORTFOLIO, jar).cached())
                .as("a cache trained with other JVM options is trained again").isFalse();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        AotCache.Launch rebuilt = cache.prepare(StackApp.PORTFOLIO, jar);
        assertThat(rebuilt.cached()).as("another extraction (a new build) is trained again").isFalse();
        assertThat(rebuilt.jar()).isEqualTo(jar);
    }

    @Test
    void aTrainingThatFailsLeavesNoCache() throws Exception {
        assumeTrue(AotCache.supported(Runtime.version()), "needs JDK " + AotCache.FIRST_JDK);
        Path jar = new ExtractedJars(dir.resolve("jars")).extract(StackApp.BUDGET, FakeApp.jar(dir.resolve("build")));
        AotCache cache = new AotCache(dir.resolve("aot"), List.of("-XX:+UseSerialGC", "-XX:NoSuchOption"),
                dir.resolve("logs"));
        AotCache.Launch untrained = cache.prepare(StackApp.BUDGET, jar);

        assertThat(cache.train(StackApp.BUDGET, untrained, Map.of(), Duration.ofMinutes(1))).isFalse();
        assertThat(untrained.cache()).doesNotExist();
        assertThat(cache.prepare(StackApp.BUDGET, jar).cached()).isFalse();
    }
}
