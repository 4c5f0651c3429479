package fr.mutualis.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's packages state its design: no cycle between them, each one described, nothing of the services. */
class GatewayArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.mutualis.gateway");

    @Test
    void itsPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("fr.mutualis.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void itKnowsNothingOfTheServicesNorOfTheirKit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("fr.mutualis.kit..", "fr.mutualis.portfolio..",
                "fr.mutualis.budget..", "fr.mutualis.governance..", "fr.mutualis.evaluation..").check(GATEWAY);
    }

    @Test
    void everyPackageSaysWhatItHolds() throws Exception {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> directories = Files.walk(sources)) {
            assertThat(directories.filter(Files::isDirectory)
                    .filter(directory -> hasJava(directory) && !Files.exists(directory.resolve("package-info.java")))
                    .map(sources::relativize).toList())
                    .as("packages without package-info.java").isEmpty();
        }
    }

    private static boolean hasJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
