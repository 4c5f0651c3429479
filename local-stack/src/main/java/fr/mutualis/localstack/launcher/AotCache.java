package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.StackApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's ahead-of-time cache of each application (JEP 483 and 514, JDK 25): the classes its start loads and links,
 * and its early method profiles, read from one file instead of being found, parsed and verified again at every start.
 * Spring Boot's recipe: the application started from its extracted jar ({@link ExtractedJars}: the cache only holds
 * classes of plain jars on the class path, not of the jars nested in an executable jar), a training run that stops
 * once the application context is refreshed ({@code -Dspring.context.exit=onRefresh}) and writes the cache at exit
 * ({@code -XX:AOTCacheOutput}), then {@code -XX:AOTCache} at every start.
 * <p>
 * Each app has its directory {@code <dir>/<module>/}: the cache once trained, and a stamp naming the extracted jar
 * (path, size, time), the JDK and the JVM options it was made for; another extraction (a new build), another JDK or
 * other options leave the app without its cache until it is trained again (the cache is trained with the options it
 * is used with). An older JDK gets none of it. A cache the JVM finds unusable is ignored by it (a warning in the
 * app's log), never fatal.
 */
public final class AotCache {

    /** The first JDK with {@code -XX:AOTCacheOutput} (JEP 514). */
    public static final int FIRST_JDK = 25;
    public static final String CACHE_FILE = "app.aot";

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.aot");
    private static final String STAMP_FILE = "source.txt";

    private final Path dir;
    private final List<String> jvmOptions;
    private final Path logsDir;

    /**
     * @param dir        where the caches live
     * @param jvmOptions the apps' JVM options: the training runs with the same, as the cache expects
     * @param logsDir    where each training run's output goes ({@code <module>-aot-training.log})
     */
    public AotCache(Path dir, List<String> jvmOptions, Path logsDir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logsDir = logsDir;
    }

    /** Whether {@code version} reads and writes the cache; JDK 21 to 24 do not have this form of it. */
    public static boolean supported(Runtime.Version version) {
        return version.feature() >= FIRST_JDK;
    }

    /**
     * How {@code app}, extracted as {@code applicationJar}, is launched: with {@code -XX:AOTCache} when its cache was
     * trained for this very jar, JDK and options; without until then.
     */
    public Launch prepare(StackApp app, Path applicationJar) {
        Path appDir = dir.resolve(app.module());
        Path cache = appDir.resolve(CACHE_FILE);
        try {
            // what versions that extracted into the cache's directory left there
            org.springframework.util.FileSystemUtils.deleteRecursively(appDir.resolve("extracted"));
            boolean trained = Files.isRegularFile(cache) && stamp(applicationJar).equals(readStamp(appDir));
            return new Launch(applicationJar, trained ? List.of("-XX:AOTCache=" + cache) : List.of(), cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + app.module() + " in " + appDir, e);
        }
    }

    /**
     * The training run of {@code launch}'s app (its extracted jar): started with {@code environment} (the running stack's: the context
     * connects to its database and broker), it stops once its context is refreshed and leaves the cache for the next
     * start. Blocks until then; false (and no cache) when it failed, was interrupted or took over {@code timeout}.
     */
    public boolean train(StackApp app, Launch launch, Map<String, String> environment, Duration timeout) {
        Path output = launch.cache().resolveSibling(CACHE_FILE + ".training");
        List<String> command = new ArrayList<>();
        command.add(AppProcess.java());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + output);
        command.add("-Dspring.context.exit=onRefresh");
        command.add(LeftBehind.parentPidOption());
        command.add("-jar");
        command.add(launch.jar().toString());
        Path logFile = logsDir.resolve(app.module() + "-aot-training.log");
        long start = System.nanoTime();
        Process process = null;
        try {
            Files.createDirectories(logsDir);
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("aot: training of {} took over {} s, abandoned", app.module(), timeout.toSeconds());
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
                log.warn("aot: training of {} failed (exit code {}); see {}", app.module(), process.exitValue(),
                        logFile);
                return false;
            }
            Files.move(output, launch.cache(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(launch.cache().resolveSibling(STAMP_FILE), stamp(launch.jar()), StandardCharsets.UTF_8);
            log.info("aot: cache of {} written in {} s ({} MB): its next start reads it", app.module(),
                    seconds(System.nanoTime() - start), Files.size(launch.cache()) / (1024 * 1024));
            return true;
        } catch (IOException e) {
            log.warn("aot: training of {} failed: {}", app.module(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            // the JVM's own intermediate file stays behind when the training run was cut short
            for (Path leftover : List.of(output, output.resolveSibling(output.getFileName() + ".config"))) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException e) {
                    log.debug("aot: {} left behind: {}", leftover, e.toString());
                }
            }
        }
    }

    /**
     * How to launch one app.
     *
     * @param jar        the extracted application jar (its libraries beside it, named by its manifest)
     * @param jvmOptions {@code -XX:AOTCache=...} when the cache exists, else none
     * @param cache      where its cache is, or will be once trained; null when the stack uses none
     */
    public record Launch(Path jar, List<String> jvmOptions, Path cache) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }

        public boolean cached() {
            return !jvmOptions.isEmpty();
        }
    }

    /**
     * The extracted jar, the JDK and the JVM options a cache was made for. The jar by its path, size and time, as the
     * JVM checks the class path against its cache: the same jar extracted again is another file to it.
     */
    private String stamp(Path applicationJar) throws IOException {
        Path jar = applicationJar.toAbsolutePath().normalize();
        return jar + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n"
                + System.getProperty("java.home") + "\n" + Runtime.version() + "\n" + String.join(" ", jvmOptions)
                + "\n";
    }

    private static String readStamp(Path appDir) throws IOException {
        Path file = appDir.resolve(STAMP_FILE);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
