package fr.mutualis.localstack;

import fr.mutualis.localstack.launcher.JarLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command stopped as Ctrl-C or a service manager stops it (SIGTERM to the launcher): the apps stop
 * first, PostgreSQL after them. A JVM runs its shutdown hooks all at once, so a database stopped by a hook of its own
 * went away while the services were still committing their last work, and each waited for connections until its
 * pool's time-out (half a minute) before it exited.
 */
class StopOnSignalTest {

    @Test
    void theDatabaseOutlivesTheAppsWhenTheLauncherIsStopped(@TempDir Path dir) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path jar = FakeApp.jar(jars);
        Files.copy(jar, jars.resolve("portfolio-service-" + JarLocator.VERSION + "-" + JarLocator.CLASSIFIER + ".jar"));
        Files.createFile(jars.resolve(FakeApp.STOP_SLOWLY));
        Path work = dir.resolve("work");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalStackApplication.class.getName(),
                "--mutualis.stack.jars-dir=" + jars, "--mutualis.stack.work-dir=" + work,
                "--mutualis.stack.apps=portfolio-service", "--mutualis.stack.load-demo=false",
                "--mutualis.stack.aot-cache=false", "--mutualis.stack.readiness-timeout=120"));
        for (String port : List.of("gateway", "portfolio", "issuer", "postgres", "kafka", "mail", "mailbox")) {
            command.add("--mutualis.stack." + port + "-port=0");
        }
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            // read to the end, so that the launcher never blocks on a full pipe while it stops
            Thread.ofVirtual().start(() -> readUntilTheEnd(launcher, ready));
            assertThat(ready.get(180, TimeUnit.SECONDS)).as("the launcher said it is ready").isTrue();

            launcher.destroy();

            assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
            assertThat(Files.readString(work.resolve("logs").resolve("portfolio-service.log")))
                    .contains(FakeApp.POSTGRES_AT_STOP + "there");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void readUntilTheEnd(Process launcher, CompletableFuture<Boolean> ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("stack ready in")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.complete(false);
    }
}
