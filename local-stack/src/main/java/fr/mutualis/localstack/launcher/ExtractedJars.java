package fr.mutualis.localstack.launcher;

import fr.mutualis.localstack.StackApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The apps' executable jars extracted as Spring Boot recommends for running them ({@code -Djarmode=tools extract}:
 * the application's classes in one plain jar, its libraries beside it, named by its manifest's class path), which the
 * stack launches instead of the executable jars. An executable jar's classes are found by Spring Boot's nested-jar
 * class loader, whose every look-up walks the jars nested in it: in a recording of budget-service in the e2e run, a
 * third of its CPU was spent there, at start and at each class loaded later. Measured beside a running stack (C1, the
 * stack's options): budget-service ready after 10.9–12.9 s of CPU from its executable jar, 6.9–8.2 s extracted; the
 * extraction itself costs about one second of CPU, once per build that changes the jar.
 * <p>
 * Each executable jar is extracted once, into {@code <dir>/<module>-<digest>}, the digest naming the jar's path and
 * entries ({@link #digest}): a start that finds it uses it, a build that changed the jar gets a directory of its
 * own, and the extractions of the same jar file's earlier builds are removed. Stacks may share the directory, as the
 * stacks of one build do ({@code mutualis.extracted-jars}): each extracts into a temporary directory and renames it,
 * and the one that finds the name taken uses the other's.
 */
public final class ExtractedJars {

    /** Where the stacks of one process extract by default when set (surefire sets it for a whole build). */
    public static final String DIRECTORY_PROPERTY = "mutualis.extracted-jars";

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.jars");
    /** In each extraction: the executable jar it was made from. */
    private static final String SOURCE_FILE = "source.txt";
    /** The extraction is a short JVM: C1 and the serial collector cost it the least. */
    private static final List<String> EXTRACTION_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    private static final Duration EXTRACTION_TIME_LIMIT = Duration.ofMinutes(5);

    private final Path dir;

    public ExtractedJars(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * The application jar of {@code executableJar} extracted, extracting it now when no extraction of this very jar
     * (path and entries) is there.
     */
    public Path extract(StackApp app, Path executableJar) {
        Path target = dir.resolve(app.module() + "-" + digest(executableJar));
        try {
            Optional<Path> found = applicationJar(target);
            if (found.isPresent()) {
                return found.get();
            }
            long start = System.nanoTime();
            Files.createDirectories(dir);
            Path temporary = dir.resolve("." + app.module() + "-" + UUID.randomUUID());
            try {
                run(app, executableJar, temporary);
                Files.writeString(temporary.resolve(SOURCE_FILE), source(executableJar), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                log.info("jars: {} extracted in {} s", app.module(),
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherStackWasFirst) {
                log.debug("jars: {} extracted meanwhile by another stack", app.module());
            } finally {
                FileSystemUtils.deleteRecursively(temporary);
            }
            removeEarlierBuilds(app, executableJar, target);
            return applicationJar(target)
                    .orElseThrow(() -> new IOException("no application jar in the extraction " + target));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract " + executableJar + " into " + target, e);
        }
    }

    private static void run(StackApp app, Path executableJar, Path destination) throws IOException {
        List<String> command = Stream.of(List.of(AppProcess.java()),
                        EXTRACTION_JVM_OPTIONS, List.of("-Djarmode=tools", "-jar",
                                executableJar.toAbsolutePath().toString(), "extract", "--destination",
                                destination.toString()))
                .flatMap(List::stream).toList();
        // Its output goes to a file beside the extraction, read only on failure: reading a pipe until the process
        // closes it would wait past the time limit for a JVM that hangs.
        Path output = destination.resolveSibling(destination.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean exited = process.waitFor(EXTRACTION_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!exited || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("extracting " + app.module() + " failed" + (exited ? "" : " (over "
                        + EXTRACTION_TIME_LIMIT.toMinutes() + " min)") + ": " + Files.readString(output).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + app.module(), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * The extractions of earlier builds of {@code executableJar} (the same file, other contents): never launched
     * again. Those of other jar files, another checkout's or a test's stand-ins, are left to whoever uses them.
     */
    private void removeEarlierBuilds(StackApp app, Path executableJar, Path current) {
        String earlier = Pattern.quote(app.module()) + "-\\p{XDigit}{12}";
        String source = source(executableJar);
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(entry -> entry.getFileName().toString().matches(earlier) && !entry.equals(current))
                    .filter(entry -> source.equals(readSource(entry)))
                    .forEach(entry -> FileSystemUtils.deleteRecursively(entry.toFile()));
        } catch (IOException | UncheckedIOException e) {
            log.debug("jars: older extractions of {} left: {}", app.module(), e.toString());
        }
    }

    private static Optional<Path> applicationJar(Path extraction) throws IOException {
        if (!Files.isDirectory(extraction)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(extraction)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .findFirst();
        }
    }

    private static String source(Path executableJar) {
        return executableJar.toAbsolutePath().normalize().toString();
    }

    private static String readSource(Path extraction) {
        try {
            return Files.readString(extraction.resolve(SOURCE_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Twelve hex digits naming a jar file: its absolute path and what it holds, each entry's name, size and CRC-32 read
     * from its central directory (not its bytes). Spring Boot's repackaging writes the executable jars again at every
     * build, same entries, new times, so that the README's command ({@code install}, then {@code java -jar}) would
     * otherwise extract them and train their caches again at every start. A file that is not a zip (which its
     * extraction will refuse) is named by its size and time.
     */
    private static String digest(Path executableJar) {
        Path file = executableJar.toAbsolutePath().normalize();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
            try (ZipFile zip = new ZipFile(file.toFile())) {
                zip.stream().forEach(entry -> digest.update((entry.getName() + '\0' + entry.getSize() + '\0'
                        + entry.getCrc() + '\n').getBytes(StandardCharsets.UTF_8)));
            } catch (ZipException notAZip) {
                digest.update((Files.size(file) + "\n" + Files.getLastModifiedTime(file).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
