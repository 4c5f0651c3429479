package fr.mutualis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Resident memory and CPU time of a process, from Linux's /proc (what the machine actually gives it). */
final class ProcessMemory {

    /**
     * Each server's postmaster, found once: looking for it through every process's command line at each of the
     * platform benchmark's memory samples was a third of the CPU the sampler took from the stack it measured.
     */
    private static final Map<Integer, Optional<ProcessHandle>> POSTMASTERS = new ConcurrentHashMap<>();

    private ProcessMemory() {
    }

    /**
     * The process's CPU time (user + system, every thread: GC and JIT included) in seconds: on a shared machine its rate
     * follows the process's share of the cores, its CPU per unit of work does not.
     */
    static double cpuSeconds(long pid) {
        try {
            return cpuSeconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A process's or a thread's {@code stat} line (stat(5)): utime and stime (fields 14 and 15), with its waited-for
     * children's cutime and cstime (16 and 17) when asked, in clock ticks of 1/100 s.
     */
    private static double cpuSeconds(String stat, boolean withChildren) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks / 100.0;
    }

    /** {@link #cpuSeconds} and {@link #compilerCpuSeconds} of one process, in that order. */
    static double[] cpuAndCompilerSeconds(long pid) {
        return new double[]{cpuSeconds(pid), compilerCpuSeconds(pid)};
    }

    /**
     * The part of {@link #cpuSeconds} its JIT compilers' threads used: a JVM a few thousand requests old still compiles,
     * and what it compiles depends on when, so comparing two JVMs' work per request is fairer without it.
     */
    static double compilerCpuSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.mapToDouble(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    return name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? cpuSeconds(stat, false) : 0;
                } catch (IOException | RuntimeException ended) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static OptionalLong rssBytes(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return status.stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The embedded PostgreSQL server listening on {@code port}: its postmaster (daemonised by pg_ctl, so not a child
     * of this JVM) and every backend it forked. Proportional set size, so that the shared buffers every backend maps
     * count once.
     */
    static long postgresBytes(int port) {
        return postgres(port).mapToLong(process -> pssBytes(process.pid()).orElse(0)).sum();
    }

    /**
     * The CPU time of the embedded PostgreSQL server listening on {@code port}, in seconds: its postmaster and live
     * backends, and the backends that ended (counted in the postmaster's children's time).
     */
    static double postgresCpuSeconds(int port) {
        return postgresCpuSecondsByDatabase(port).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * The same CPU time by database: a backend's command line names the database it serves
     * ({@code postgres: user database host state}); the server's own processes and the ended backends count as
     * {@code server}.
     */
    static Map<String, Double> postgresCpuSecondsByDatabase(int port) {
        Map<String, Double> seconds = new TreeMap<>();
        postgres(port).forEach(process -> {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                String[] title = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"))
                        .replace('\0', ' ').trim().split("\\s+");
                boolean backend = title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(");
                seconds.merge(backend ? title[2] : "server", cpuSeconds(stat, !backend), Double::sum);
            } catch (IOException | RuntimeException ended) {
                // a backend that ended between the listing and the read: the postmaster's children's time has it
            }
        });
        return seconds;
    }

    private static java.util.stream.Stream<ProcessHandle> postgres(int port) {
        return POSTMASTERS.compute(port, (key, known) ->
                        known != null && known.map(ProcessHandle::isAlive).orElse(false) ? known : postmaster(key))
                .stream()
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                        postmaster.descendants()));
    }

    private static Optional<ProcessHandle> postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments()
                        .map(arguments -> String.join(" ", arguments).contains("-p " + port)).orElse(false))
                .findFirst();
    }

    static OptionalLong pssBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
