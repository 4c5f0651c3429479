package fr.mutualis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Resident memory of a process, from Linux's /proc (what the machine actually gives it). */
final class ProcessMemory {

    private ProcessMemory() {
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

    /** The embedded PostgreSQL server: every postgres process started from this JVM. */
    static long postgresRssBytes() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .mapToLong(process -> rssBytes(process.pid()).orElse(0))
                .sum();
    }
}
