package fr.mutualis.kit.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package boundaries every service keeps (ARCHITECTURE.md §6): the domain ({@code command}) knows
 * nothing of the web, the read side or Kafka; reads do not reach into the web or Kafka layers; no service
 * reaches into another service's code.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("portfolio", "budget", "governance", "evaluation");

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".api..", servicePackage + ".query..",
                        servicePackage + ".integration..", "org.springframework.web..", "org.springframework.kafka..")
                .because("aggregates read like the domain and know nothing of the web, the read side or Kafka")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".query..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".api..", servicePackage + ".integration..")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".integration..", "org.springframework.kafka..")
                .because("controllers talk to the command gateway and the read models, never to Kafka directly")
                .check(classes);
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.web.servlet.support.ServletUriComponentsBuilder")
                .because("a URL built from the request names the service's own address, or whatever Host a caller"
                        + " sent: Locations are paths (kit api.Created)")
                .check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(service -> "fr.mutualis." + service + "..")
                        .filter(pkg -> !pkg.startsWith(servicePackage + "."))
                        .toArray(String[]::new))
                .because("services share contracts and service-kit, never each other's code")
                .check(classes);
    }

    private ServiceArchitecture() {
    }
}
