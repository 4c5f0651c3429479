package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.StackApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the apps' executable jars are: {@code <module>-<version>-exec.jar}, either all in one directory
 * ({@code --mutualis.stack.jars-dir}) or in the repository layout {@code <repo>/<module>/target/}.
 */
public final class JarLocator {

    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String CLASSIFIER = "exec";

    private final Path jarsDir;
    private final Path repositoryRoot;

    private JarLocator(Path jarsDir, Path repositoryRoot) {
        this.jarsDir = jarsDir;
        this.repositoryRoot = repositoryRoot;
    }

    /** All jars in {@code jarsDir}. */
    public static JarLocator inDirectory(Path jarsDir) {
        return new JarLocator(jarsDir.toAbsolutePath().normalize(), null);
    }

    /** The repository layout, the repository found from {@code start} upwards (see {@link #findRepositoryRoot}). */
    public static JarLocator repositoryLayout(Path start) {
        Path root = findRepositoryRoot(start)
                .or(JarLocator::repositoryRootOfThisCode)
                .orElseThrow(() -> new IllegalStateException("No Mutualis repository above " + start.toAbsolutePath()
                        + " (a directory with pom.xml and local-stack/): run from the repository or set"
                        + " --mutualis.stack.jars-dir"));
        return new JarLocator(null, root);
    }

    /** The first directory from {@code start} upwards that contains {@code pom.xml} and {@code local-stack/}. */
    public static Optional<Path> findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** When launched as {@code java -jar <repo>/local-stack/target/...-exec.jar} from elsewhere. */
    private static Optional<Path> repositoryRootOfThisCode() {
        try {
            var source = JarLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : findRepositoryRoot(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The directory holding {@code app}'s jar. */
    public Path directoryOf(StackApp app) {
        return jarsDir != null ? jarsDir : repositoryRoot.resolve(app.module()).resolve("target");
    }

    /**
     * The jar of {@code app}: {@code <module>-0.1.0-SNAPSHOT-exec.jar}, else the newest {@code <module>-*-exec.jar}
     * of its directory; empty when there is none.
     */
    public Optional<Path> jar(StackApp app) {
        Path dir = directoryOf(app);
        Path expected = dir.resolve(app.module() + "-" + VERSION + "-" + CLASSIFIER + ".jar");
        if (Files.isRegularFile(expected)) {
            return Optional.of(expected);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(app.module() + "-") && name.endsWith("-" + CLASSIFIER + ".jar")
                                && Files.isRegularFile(file);
                    })
                    .max(Comparator.comparing(JarLocator::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to tell a user whose jar is missing. */
    public String describe(StackApp app) {
        return directoryOf(app).resolve(app.module() + "-" + VERSION + "-" + CLASSIFIER + ".jar").toString();
    }

    private static java.nio.file.attribute.FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
