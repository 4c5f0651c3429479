package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every process's CPU seconds at one moment, with the part its JIT compilers' threads took: the difference of two,
 * divided by the commands accepted between them, is each process's CPU per command, and its JIT part says how far
 * from their steady state the JVMs still were (a JVM a few thousand requests old is still compiling the code a
 * request runs once, which on two cores is taken from the requests). With no command between the two, the difference
 * over the time elapsed is what the stack costs at rest.
 */
record StackCpu(Map<String, double[]> seconds) {

    private static final String LAUNCHER = "launcher (broker, issuer, load clients)";
    static final String POSTGRES = "postgresql";

    static StackCpu of(LocalStack stack) {
        Map<String, double[]> seconds = new LinkedHashMap<>();
        for (var app : stack.apps()) {
            stack.appPid(app.module())
                    .ifPresent(pid -> seconds.put(app.module(), ProcessMemory.cpuAndCompilerSeconds(pid)));
        }
        seconds.put(LAUNCHER, ProcessMemory.cpuAndCompilerSeconds(ProcessHandle.current().pid()));
        ProcessMemory.postgresCpuSecondsByDatabase(stack.postgresPort())
                .forEach((database, cpu) -> seconds.put(POSTGRES + " " + database, new double[]{cpu, 0}));
        return new StackCpu(Collections.unmodifiableMap(seconds));
    }

    /**
     * One line: CPU milliseconds per command of every process since {@code earlier} (its JIT's in brackets when it
     * compiled at all), their sum, and how many of the cores they kept busy over {@code elapsedSeconds}.
     */
    String perCommand(StackCpu earlier, long commands, double elapsedSeconds) {
        if (commands == 0) {
            return "no command accepted";
        }
        Share share = since(earlier, 1000.0 / commands, "%.1f");
        return String.format(Locale.ROOT, "all %.1f ms (JIT %.1f), %.2f cores busy: %s", 1000 * share.cpu() / commands,
                1000 * share.jit() / commands, share.cpu() / elapsedSeconds, share.parts());
    }

    /**
     * One line: the cores every process kept busy since {@code earlier}, {@code elapsedSeconds} ago, with no command
     * sent (its JIT's in brackets when it compiled at all), and their sum: what the stack costs while nobody uses it.
     */
    String atRest(StackCpu earlier, double elapsedSeconds) {
        Share share = since(earlier, 1 / elapsedSeconds, "%.3f");
        return String.format(Locale.ROOT, "all %.3f cores (JIT %.3f): %s", share.cpu() / elapsedSeconds,
                share.jit() / elapsedSeconds, share.parts());
    }

    /** Every process's CPU and JIT seconds since {@code earlier}, each shown times {@code scale} in {@code figure}. */
    private Share since(StackCpu earlier, double scale, String figure) {
        StringJoiner parts = new StringJoiner(", ");
        double total = 0;
        double jit = 0;
        for (Map.Entry<String, double[]> process : earlier.seconds.entrySet()) {
            double[] now = seconds.get(process.getKey());
            if (now == null) {
                continue;
            }
            double cpu = now[0] - process.getValue()[0];
            double compiled = now[1] - process.getValue()[1];
            total += cpu;
            jit += compiled;
            parts.add(String.format(Locale.ROOT, compiled > 0 ? "%s " + figure + " (JIT " + figure + ")" : "%s " + figure,
                    process.getKey(), scale * cpu, scale * compiled));
        }
        return new Share(parts.toString(), total, jit);
    }

    private record Share(String parts, double cpu, double jit) {
    }
}
