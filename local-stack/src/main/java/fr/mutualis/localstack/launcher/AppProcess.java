package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.StackApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One application as a child JVM ({@code java -jar <jar>}), its output appended to its log file. It can be
 * stopped and started again (same port, same environment).
 */
public final class AppProcess {

    /** The JDK that added {@code -XX:TrimNativeHeapInterval} (an older one refuses to start with it). */
    static final int FIRST_JDK_TRIMMING_NATIVE_HEAP = 22;

    /**
     * Small heaps and serial GC: seven JVMs share a 2-core laptop. On JDK 22 and later each JVM also gives the C
     * heap's freed memory back to the system every 5 s ({@code malloc_trim}): what class loading, the JIT compilers
     * and the first requests freed would otherwise stay in its resident size.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = defaultJvmOptions(Runtime.version());

    /**
     * The defaults with the JIT's second compiler (C2) off: the run command's and the end-to-end tests' apps. On a
     * small machine, where seven JVMs share two cores and serve a person or a test run, C2's compilations cost more
     * CPU and memory than they save: the run command ready in 0.57–0.59× the time from the AOT cache, the stack's
     * memory under the platform benchmark 0.80–0.84× at its peak, for lower throughput once the cores are saturated
     * (docs/benchmarks.md, session 15). A server keeps both compilers; {@code -XX:TieredStopAtLevel=4} after these
     * turns C2 on again.
     */
    public static final List<String> QUICK_START_JVM_OPTIONS = java.util.stream.Stream.concat(
            DEFAULT_JVM_OPTIONS.stream(), java.util.stream.Stream.of("-XX:TieredStopAtLevel=1")).toList();

    static List<String> defaultJvmOptions(Runtime.Version jdk) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m", "-Xss512k"));
        if (jdk.feature() >= FIRST_JDK_TRIMMING_NATIVE_HEAP) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    private final StackApp app;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private Process process;

    public AppProcess(StackApp app, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
                      Path logFile) {
        this.app = app;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
    }

    public StackApp app() {
        return app;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The same app (jar, port, options, log) to be launched with another environment; this one must be stopped. */
    public AppProcess withEnvironment(Map<String, String> replacement) {
        return new AppProcess(app, jar, port, replacement, jvmOptions, logFile);
    }

    /** Another JVM of the same app (jar, options) on {@code otherPort}, with its own environment and log. */
    public AppProcess aside(int otherPort, Map<String, String> otherEnvironment, Path otherLogFile) {
        return new AppProcess(app, jar, otherPort, otherEnvironment, jvmOptions, otherLogFile);
    }

    /** This JVM's {@code java}: what the stack launches its apps, their training and their extraction with. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line, for logs and diagnostics. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add(LeftBehind.parentPidOption());
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Launches the JVM; {@code freshLog} empties the log file first, else the new run is appended. */
    public synchronized void start(boolean freshLog) {
        if (isAlive()) {
            throw new IllegalStateException(app.module() + " is already running");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== local-stack: " + app.module() + " on port " + port + ", "
                            + OffsetDateTime.now() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    freshLog ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + app.module() + " (" + jar + ")", e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code when the process has ended, empty while it runs or before it was started. */
    public synchronized Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public synchronized Optional<Long> pid() {
        return process == null ? Optional.empty() : Optional.of(process.pid());
    }

    /** The CPU time the app's JVM has used so far (user and system), when the platform tells it. */
    public synchronized Optional<Duration> cpuTime() {
        return process == null ? Optional.empty() : process.toHandle().info().totalCpuDuration();
    }

    /** Asks the JVM to stop (SIGTERM: Spring's graceful shutdown) without waiting. */
    public synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Kills the JVM as a crash would (SIGKILL: no shutdown hook, no graceful close) and waits until it is gone. */
    public void kill() {
        Process killed;
        synchronized (this) {
            killed = process;
        }
        if (killed != null && killed.isAlive()) {
            killed.destroyForcibly();
            killed.onExit().join();
        }
    }

    /** Waits until the process has ended, killing it (and its children) when still alive after {@code grace}. */
    public void awaitStop(Duration grace) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            return;
        }
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process: destroy, then destroy forcibly after {@code grace}. */
    public void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** The last {@code lines} lines of the log, to explain a failure. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
