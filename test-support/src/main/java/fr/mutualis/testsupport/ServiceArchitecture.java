package fr.mutualis.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * The design the packages state (issue 17): the service's messages ({@code messages}: commands, events, queries
     * and the values they carry) apart from its aggregates ({@code command}, package-private: only messages go in
     * and out), the domain free of web, JDBC, security and Kafka, and no cycle between the service's packages.
     */
    public static void checkDesign(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .because("each package of a service builds on the ones below it, never back")
                .check(classes);
        classes().that().resideInAPackage(servicePackage + ".command..").should().notBePublic()
                .because("aggregates and their internals are reached through commands and events only")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.jdbc..", "org.springframework.security..", "org.springframework.kafka..",
                        "org.apache.kafka..")
                .because("the domain decides; storage, transport and authentication are around it")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".messages..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".command..",
                        servicePackage + ".api..", servicePackage + ".query..", servicePackage + ".integration..",
                        "org.springframework..")
                .because("messages are what the packages exchange: they depend on none of them")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Every package of {@code sourceRoot} (e.g. {@code src/main/java}) says its responsibility in a package-info. */
    public static void checkPackagesDescribed(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<Path> undescribed = files.filter(path -> path.toString().endsWith(".java"))
                    .map(Path::getParent).distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .map(sourceRoot::relativize).sorted().toList();
            if (!undescribed.isEmpty()) {
                throw new AssertionError("Packages without a package-info.java saying what they hold: " + undescribed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceArchitecture() {
    }
}
