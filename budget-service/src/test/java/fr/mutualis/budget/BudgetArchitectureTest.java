package fr.mutualis.budget;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class BudgetArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.budget");
        ServiceArchitecture.checkDesign("fr.mutualis.budget");
        ServiceArchitecture.checkPackagesDescribed(Path.of("src/main/java"));
    }

    @Test
    void consumersDispatchOnContractTypesNotOnTypeNames() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.mutualis.budget");
        noClasses().should().callMethod(EventEnvelope.class, "type")
                .because("the kit's IntegrationEventHandlers dispatch on the contract's type, named once in contracts")
                .check(classes);
    }
}
