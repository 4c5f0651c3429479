package fr.mutualis.localstack;

import fr.mutualis.localstack.issuer.IssuerServer;
import fr.mutualis.localstack.launcher.ExtractedJars;
import fr.mutualis.localstack.launcher.JarLocator;
import fr.mutualis.testsupport.infra.EmbeddedPostgresServer;
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
 * first, PostgreSQL after them; or killed, and then started again. A JVM runs its shutdown hooks all at once, so a database stopped by a hook of its own
 * went away while the services were still committing their last work, and each waited for connections until its
 * pool's time-out (half a minute) before it exited.
 */
class StopOnSignalTest {

    @Test
    void theDatabaseOutlivesTheAppsWhenTheLauncherIsStopped(@TempDir Path dir) throws Exception {
        Path jars = fakePortfolioService(dir);
        Files.createFile(jars.resolve(FakeApp.STOP_SLOWLY));
        Path work = dir.resolve("work");
        Process launcher = launchReady(jars, work);
        try {
            launcher.destroy();

            assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
            assertThat(Files.readString(work.resolve("logs").resolve("portfolio-service.log")))
                    .contains(FakeApp.POSTGRES_AT_STOP + "there");
        } finally {
            stopForcibly(launcher);
        }
    }

    /**
     * Killed (SIGKILL, the OOM killer, a CI time-out), the launcher runs no hook: its apps and PostgreSQL, child
     * processes, go on running; the next start used to fail on {@code initdb} in the data directory they held.
     */
    @Test
    void whatAKilledLauncherLeftRunningIsStoppedByTheNextStart(@TempDir Path dir) throws Exception {
        Path jars = fakePortfolioService(dir);
        Path work = dir.resolve("work");
        Process killed = launchReady(jars, work);
        // its apps are its children; PostgreSQL's server, started by pg_ctl, was adopted by the system at once
        List<ProcessHandle> leftBehind = java.util.stream.Stream.concat(killed.descendants(),
                ProcessHandle.of(Long.parseLong(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid")).getFirst()))
                        .stream()).filter(ProcessHandle::isAlive).distinct().toList();
        Process next = null;
        try {
            killed.destroyForcibly();
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(leftBehind).as("its app and its database").hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(ProcessHandle::isAlive);

            next = launchReady(jars, work);

            assertThat(leftBehind).as("stopped by the next start").noneMatch(ProcessHandle::isAlive);
        } finally {
            leftBehind.forEach(ProcessHandle::destroyForcibly);
            stopForcibly(killed);
            if (next != null) {
                // stopped as Ctrl-C stops it, so that its own PostgreSQL does not outlive the test
                next.destroy();
                next.waitFor(120, TimeUnit.SECONDS);
                stopForcibly(next);
            }
        }
    }

    private static Path fakePortfolioService(Path dir) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path jar = FakeApp.jar(jars);
        Files.copy(jar, jars.resolve("portfolio-service-" + JarLocator.VERSION + "-" + JarLocator.CLASSIFIER + ".jar"));
        return jars;
    }

    /**
     * The README's run command with a fake portfolio-service alone, once it says it is ready. The launcher runs with
     * the test JVMs' C1 compiler and serial collector: each of its three launches lives half a minute, in which C2
     * cost a third of its CPU (65 against 44-48 CPU-s for the class) and nothing this class checks. It unpacks
     * PostgreSQL where the build's other servers did, if the build says where.
     */
    private static Process launchReady(Path jars, Path work) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-D" + EmbeddedPostgresServer.BINARIES_PROPERTY + "="
                        + System.getProperty(EmbeddedPostgresServer.BINARIES_PROPERTY, ""),
                "-D" + IssuerServer.KEY_PROPERTY + "=" + System.getProperty(IssuerServer.KEY_PROPERTY, ""),
                "-D" + ExtractedJars.DIRECTORY_PROPERTY + "=" + System.getProperty(ExtractedJars.DIRECTORY_PROPERTY, ""),
                "-cp", System.getProperty("java.class.path"), LocalStackApplication.class.getName(),
                "--mutualis.stack.jars-dir=" + jars, "--mutualis.stack.work-dir=" + work,
                "--mutualis.stack.apps=portfolio-service", "--mutualis.stack.load-demo=false",
                "--mutualis.stack.aot-cache=false", "--mutualis.stack.readiness-timeout=120"));
        for (String port : List.of("gateway", "portfolio", "issuer", "postgres", "kafka", "mail", "mailbox")) {
            command.add("--mutualis.stack." + port + "-port=0");
        }
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        // read to the end, so that the launcher never blocks on a full pipe while it stops
        Thread.ofVirtual().start(() -> readUntilTheEnd(launcher, ready));
        try {
            assertThat(ready.get(180, TimeUnit.SECONDS)).as("the launcher said it is ready").isTrue();
        } catch (Exception | AssertionError notReady) {
            stopForcibly(launcher);
            throw notReady;
        }
        return launcher;
    }

    private static void stopForcibly(Process launcher) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
    }

    private static void readUntilTheEnd(Process launcher, CompletableFuture<Boolean> ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                // the launcher's output in the test's report, for a start that fails
                System.out.println("launcher " + launcher.pid() + ": " + line);
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
