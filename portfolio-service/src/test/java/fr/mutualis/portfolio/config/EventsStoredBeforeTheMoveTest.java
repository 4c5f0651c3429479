package fr.mutualis.portfolio.config;

import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.testsupport.EarlierEventStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain events were stored under {@code fr.mutualis.portfolio.command} until their classes moved to
 * {@code messages}: an event store written before the move still feeds the read models and loads its aggregates.
 */
class EventsStoredBeforeTheMoveTest extends PortfolioServiceTest {

    private static final String OLD_TYPE = "fr.mutualis.portfolio.command.RoadmapDrafted";

    @Test
    void aRoadmapDraftedUnderItsOldTypeNameIsProjectedAndStillTakesCommands() {
        String model = createRoadmap(VALMONT_AGENT);
        String roadmapId = UUID.randomUUID().toString();
        // The drafted event of another roadmap, as a store written before the move holds it: same payload and
        // metadata, the old type name.
        EarlierEventStore.copyFirstEvent(jdbc, model, roadmapId, OLD_TYPE);

        JsonNode projected = awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> true);
        assertThat(projected.get("title").asString()).isEqualTo("Schéma directeur numérique");
        assertThat(projected.get("status").asString()).isEqualTo("DRAFT");

        var weighted = putIfMatch("/api/portfolio/roadmaps/" + roadmapId + "/weights", """
                {"strategicAlignment": 2, "userValue": 1, "agentValue": 1, "legalObligation": 1, "feasibility": 1,
                 "risk": 1}""", VALMONT_AGENT, "\"0\"");
        assertThat(weighted.status()).as(weighted.toString()).isEqualTo(200);
        assertThat(weighted.json().get("version").asLong()).isEqualTo(1);
    }
}
