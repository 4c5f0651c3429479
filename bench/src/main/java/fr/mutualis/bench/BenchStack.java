package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stack every bench program starts: local-stack's, on random ports, empty, its logs quiet. */
final class BenchStack {

    private BenchStack() {
    }

    /** Call first in {@code main}: the stack's own logging, and the JDK's routed to it. */
    static void quietLogs() {
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** A builder under {@code bench/target/<name>}; callers may narrow the apps or add environment. */
    static LocalStack.Builder builder(String name) {
        return LocalStack.builder()
                .randomPorts()
                .workDir(Path.of("bench", "target", name))
                .loadDemo(false)
                // five JVMs starting at once on two shared cores can take minutes
                .readinessTimeout(Duration.ofSeconds(420))
                // the per-tenant limit stays on (its cost is part of the gateway's), high enough not to throttle
                .appEnvironment("gateway", "MUTUALIS_GATEWAY_RATE_LIMIT_REPLENISH_RATE", "1000000")
                .appEnvironment("gateway", "MUTUALIS_GATEWAY_RATE_LIMIT_BURST_CAPACITY", "1000000");
    }

    /**
     * A program's options, {@code key=value} (a leading {@code --} allowed), in the order given; anything else is
     * refused, so that a mistyped option is not silently ignored.
     */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Options are key=value, got " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    /** The 1, 5 and 15-minute load averages, written beside each figure: the machine is often shared. */
    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * With {@code profile=app1,app2} among a program's options, each app named records a JDK Flight Recording
     * (the {@code profile} settings: method samples every 10-20 ms, allocations, locks, I/O) from its start to its
     * stop, to {@code bench/target/<name>/<app>.jfr}; read it with {@code jfr print}/{@code jfr summary} or JMC.
     */
    static LocalStack.Builder profiled(LocalStack.Builder builder, String name, String apps) {
        if (apps == null || apps.isBlank()) {
            return builder;
        }
        for (String app : apps.split(",")) {
            Path recording = Path.of("bench", "target", name, app + ".jfr").toAbsolutePath();
            try {
                // JFR refuses to start, and so the JVM, when the recording's directory is missing.
                Files.createDirectories(recording.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.appEnvironment(app, "JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename="
                    + recording + ",dumponexit=true");
        }
        return builder;
    }
}
