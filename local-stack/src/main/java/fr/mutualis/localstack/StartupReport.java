package fr.mutualis.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where {@link LocalStack#start()} spent its time, phase by phase, so that a slow start says which part was slow:
 * the infrastructure (PostgreSQL, Kafka and the issuer, side by side), each application's JVM from launch to ready
 * with the CPU it used meanwhile (a figure the machine's other work disturbs far less than the wall time), and the
 * demo territory, with the apps it does not need (console, reporting job) starting beside it.
 *
 * @param total  from {@link LocalStack#start()} to ready
 * @param phases in the order they ran; a phase's parts ran side by side within it
 */
public record StartupReport(Duration total, List<Phase> phases) {

    public StartupReport {
        phases = List.copyOf(phases);
    }

    /**
     * @param name  {@code jars}, {@code infrastructure}, {@code apps}, {@code demo}
     * @param took  wall time of the whole phase
     * @param parts what ran side by side in it (the servers, the apps; the demo's territory and the apps launched
     *              beside it), empty when it is one thing
     */
    public record Phase(String name, Duration took, List<Part> parts) {

        public Phase {
            parts = List.copyOf(parts);
        }

        public Optional<Part> part(String partName) {
            return parts.stream().filter(part -> part.name().equals(partName)).findFirst();
        }
    }

    /**
     * @param name a server ({@code postgres}) or an app's module ({@code portfolio-service})
     * @param took from its start to ready
     * @param cpu  the CPU time its process used until ready, null when it runs in this JVM
     */
    public record Part(String name, Duration took, Duration cpu) {
    }

    public Optional<Phase> phase(String name) {
        return phases.stream().filter(phase -> phase.name().equals(name)).findFirst();
    }

    /**
     * One line for the log, e.g. {@code total 58.3 s | infrastructure 12.1 s (postgres 12.1, kafka 10.2, issuer 8.1)
     * | apps 35.0 s (gateway 30.2 cpu 14.1, ...) | demo 20.1 s (territory 20.1, console 12.0 cpu 7.9, ...)}.
     */
    public String line() {
        return "total " + LocalStack.seconds(total) + " s" + phases.stream().map(phase -> " | " + phase.name() + " "
                + LocalStack.seconds(phase.took()) + " s" + (phase.parts().isEmpty() ? "" : phase.parts().stream()
                .map(part -> part.name() + " " + LocalStack.seconds(part.took()) + (part.cpu() == null ? ""
                        : " cpu " + LocalStack.seconds(part.cpu())))
                .collect(Collectors.joining(", ", " (", ")")))).collect(Collectors.joining());
    }
}
