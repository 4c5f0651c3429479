package fr.mutualis.kit.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationEventHandlersTest {

    private final IntegrationEventHandlers handlers = IntegrationEventHandlers.create()
            .on(DecisionPublished.class, decision -> { });

    @Test
    void aHandledTypeIsFoundByItsContractNameAndVersion() {
        assertThat(handlers.handledType(envelope("governance.DecisionPublished", 1))).contains(DecisionPublished.class);
    }

    @Test
    void aTypeTheConsumerDoesNotApplyIsSkipped() {
        assertThat(handlers.handledType(envelope("portfolio.RoadmapDrafted", 1))).isEmpty();
        assertThat(handlers.handledType(envelope("governance.SomethingNew", 1))).isEmpty();
    }

    @Test
    void aVersionOfAHandledTypeTheConsumerWasNotWrittenForIsADeadLetterNotASkip() {
        assertThatThrownBy(() -> handlers.handledType(envelope("governance.DecisionPublished", 2)))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("v2");
    }

    @Test
    void twoHandlersForOneTypeAreRefusedAtRegistration() {
        assertThatThrownBy(() -> IntegrationEventHandlers.create()
                .on(RoadmapDrafted.class, drafted -> { }).on(RoadmapDrafted.class, drafted -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static EventEnvelope envelope(String type, int version) {
        return new EventEnvelope(UUID.randomUUID(), type, version, Instant.now(), "210000048", "a", 0, null,
                JsonNodeFactory.instance.objectNode());
    }
}
