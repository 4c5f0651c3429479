package fr.mutualis.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many operations a service's controllers declare, counted in their sources rather than asked of the running
 * service: each method-level {@code @GetMapping}, {@code @PostMapping}, {@code @PutMapping}, {@code @PatchMapping} or
 * {@code @DeleteMapping} of the service's module and of the service kit (whose controllers every service mounts), or
 * of the reporting job's module.
 * The OpenAPI document a service publishes must list as many, or a test enumerating it would skip what it forgot.
 */
public final class ControllerMappings {

    private static final Pattern MAPPING = Pattern.compile("^\\s*@(Get|Post|Put|Patch|Delete)Mapping\\b", Pattern.MULTILINE);

    private ControllerMappings() {
    }

    public static long count(String context) {
        Path root = repositoryRoot();
        Path service = root.resolve(context + "-service");
        if (!Files.isDirectory(service)) {
            // the reporting job: its own module, which leaves the kit's auto-configuration (and controllers) out
            return count(root.resolve(context + "-job").resolve("src/main/java"));
        }
        return count(service.resolve("src/main/java")) + count(root.resolve("service-kit").resolve("src/main/java"));
    }

    private static long count(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new IllegalStateException("No sources at " + sources.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).mapToLong(ControllerMappings::mappings).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mappings(Path file) {
        try {
            Matcher matcher = MAPPING.matcher(Files.readString(file));
            long found = 0;
            while (matcher.find()) {
                found++;
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the modules: the tests run in {@code e2e/}, or from the repository itself. */
    private static Path repositoryRoot() {
        Path current = Path.of("").toAbsolutePath();
        while (current != null && !Files.isDirectory(current.resolve("service-kit"))) {
            current = current.getParent();
        }
        if (current == null) {
            throw new IllegalStateException("No repository (with service-kit/) above " + Path.of("").toAbsolutePath());
        }
        return current;
    }
}
