package fr.mutualis.kit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The kit's packages build on each other in one direction, and each says what it holds. */
class KitArchitectureTest {

    @Test
    void theKitsPackagesHaveNoCycle() {
        JavaClasses kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.mutualis.kit");
        slices().matching("fr.mutualis.kit.(*)..").should().beFreeOfCycles()
                .because("a package of the kit is understood and changed without the ones that build on it")
                .check(kit);
    }

    @Test
    void everyPackageOfTheKitSaysWhatItHolds() {
        ServiceArchitecture.checkPackagesDescribed(Path.of("src/main/java"));
    }
}
