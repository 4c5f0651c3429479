package fr.mutualis.evaluation;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.kit.integration.IntegrationEventHandler;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.testsupport.ServiceArchitecture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluationArchitectureTest {

    @Test
    void packagesKeepTheirResponsibilities() {
        ServiceArchitecture.check("fr.mutualis.evaluation");
    }

    @Test
    void packagesStateTheDesign() {
        ServiceArchitecture.checkDesign("fr.mutualis.evaluation");
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        ServiceArchitecture.checkPackagesDescribed(Path.of("src/main/java"));
    }

    /** Consumers register a typed handler per contract type: no switch on type names, no payload decoded by hand. */
    @Test
    void consumersDispatchOnContractTypes() {
        noClasses().should().callMethod(IntegrationEventInbox.class, "receive", ConsumerRecord.class,
                        IntegrationEventHandler.class)
                .orShould().callMethod(IntegrationEventInbox.class, "payload", EventEnvelope.class, Class.class)
                .because("type names live once, in the contracts' @IntegrationEvent (IntegrationEventHandlers)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.mutualis.evaluation"));
    }

    /** Axon's tables are Axon's: the event store is read through its API (e.g. its head token), never with SQL. */
    @Test
    void axonsTablesAreReadThroughAxon() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(path -> path.toString().endsWith(".java")).filter(path -> {
                try {
                    return Files.readString(path).contains("domain_event_entry");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }
}
