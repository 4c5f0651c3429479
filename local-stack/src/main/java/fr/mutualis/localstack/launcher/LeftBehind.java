package fr.mutualis.localstack.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a launcher that was killed (SIGKILL, the kernel's OOM killer, a CI job's time-out) left running: the JVMs of
 * its apps and training runs, and the PostgreSQL server of its data directory, all child processes, which outlive it.
 * Kafka, the issuer and the mail server lived in its JVM and died with it, so what is left serves nobody; yet it
 * holds the ports and the data directory the next start needs (which then failed on {@code initdb}) and 2–3 GB of
 * memory. The next start stops it first.
 * <p>
 * An app is known by the option every launch gives it, {@link #PARENT_PID_OPTION} naming its launcher: when its
 * parent process is no longer that launcher (the system adopted it), the launcher is gone. Apps of a launcher still
 * running, whichever its work directory, are never touched.
 */
public final class LeftBehind {

    /** Names the launching JVM on the command line of every app and training run it starts. */
    private static final String PARENT_PID_OPTION = "-Dmutualis.parent-pid=";
    /** How long a process killed with SIGKILL is given to be gone (its ports and files released). */
    private static final Duration KILLED_EXIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.stack");

    private LeftBehind() {
    }

    /** The option for the apps this JVM launches. */
    static String parentPidOption() {
        return PARENT_PID_OPTION + ProcessHandle.current().pid();
    }

    /**
     * Stops the apps and training runs whose launcher is gone (SIGTERM, then SIGKILL after {@code grace}).
     *
     * @return their process ids
     */
    public static List<Long> stopAppsOfGoneLaunchers(Duration grace) {
        List<ProcessHandle> orphans = ProcessHandle.allProcesses().filter(LeftBehind::launcherIsGone).toList();
        stop(orphans, grace);
        return orphans.stream().map(ProcessHandle::pid).toList();
    }

    /**
     * Stops the PostgreSQL server still running on {@code dataDirectory}, as its {@code postmaster.pid} names it.
     *
     * @return its process id, empty when none was running there
     */
    public static OptionalLong stopPostgresOf(Path dataDirectory, Duration grace) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException unreadable) {
            return OptionalLong.empty();
        }
        if (lines.size() < 2) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> server = parsePid(lines.get(0).trim()).stream().boxed()
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .filter(process -> sameDirectory(Path.of(lines.get(1).trim()), dataDirectory))
                .findFirst();
        server.ifPresent(postmaster -> stop(List.of(postmaster), grace));
        return server.map(postmaster -> OptionalLong.of(postmaster.pid())).orElse(OptionalLong.empty());
    }

    private static boolean launcherIsGone(ProcessHandle process) {
        OptionalLong launcher = process.info().arguments().stream().flatMap(Arrays::stream)
                .filter(argument -> argument.startsWith(PARENT_PID_OPTION))
                .map(argument -> parsePid(argument.substring(PARENT_PID_OPTION.length())))
                .filter(OptionalLong::isPresent)
                .findFirst()
                .orElse(OptionalLong.empty());
        if (launcher.isEmpty() || launcher.getAsLong() == ProcessHandle.current().pid()) {
            return false;
        }
        // Adopted by the system (or a subreaper) once its launcher died; a pid the system gave again to another
        // process does not make the launcher look alive.
        return process.parent().map(ProcessHandle::pid).map(parent -> parent != launcher.getAsLong()).orElse(true);
    }

    private static void stop(List<ProcessHandle> processes, Duration grace) {
        if (processes.isEmpty()) {
            return;
        }
        processes.forEach(ProcessHandle::destroy);
        if (!awaitExits(processes, grace)) {
            log.warn("left behind by a killed launcher, still running after {} s: killing {}", grace.toSeconds(),
                    processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
            processes.forEach(ProcessHandle::destroyForcibly);
            // as AppProcess.awaitStop: what follows (a server on the same port, initdb) needs them gone
            awaitExits(processes, KILLED_EXIT);
        }
    }

    /** Whether every one of {@code processes} ended within {@code timeout}. */
    private static boolean awaitExits(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException stillRunning) {
            return false;
        }
    }

    private static OptionalLong parsePid(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException notAPid) {
            return OptionalLong.empty();
        }
    }

    private static boolean sameDirectory(Path named, Path dataDirectory) {
        try {
            return Files.isSameFile(named, dataDirectory);
        } catch (IOException gone) {
            return false;
        }
    }
}
