package fr.mutualis.budget.integration;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Portfolio's projects reach the budget's reference table through the real broker: once, in any order. */
class PublishedReferencesConsumptionTest extends BudgetIntegrationTest {

    private static final String CONSUMER = "budget-service-published-references";

    @Test
    void aProjectDeliveredTwiceAndThenChangedIsRecordedOnceWithItsOwner() {
        UUID project = UUID.randomUUID();
        EventEnvelope proposed = portfolioEvent(project.toString(), VALMONT, proposed(project, VALMONT));
        send(Topics.PORTFOLIO, proposed);
        send(Topics.PORTFOLIO, proposed);
        EventEnvelope started = portfolioEvent(project.toString(), VALMONT, new ProjectStatusChanged(project, UUID.randomUUID(),
                VALMONT, "OPEN_DATA", "APPROVED", "IN_PROGRESS", "Lancement", null, LocalDate.of(2026, 3, 1)));
        send(Topics.PORTFOLIO, started);
        // Records of one key are consumed in order: once a later proposal of the same key is recorded, the others
        // were handled.
        UUID marker = UUID.randomUUID();
        EventEnvelope later = portfolioEvent(project.toString(), VALMONT, proposed(marker, VALMONT));
        send(Topics.PORTFOLIO, later);

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(later.eventId()) == 1);
        assertThat(processed(proposed.eventId())).isEqualTo(1);
        assertThat(processed(started.eventId())).as("a status change says nothing of ownership: no inbox row").isZero();
        assertThat(jdbc.sql("SELECT kind || ' ' || owner_id FROM kit_published_reference WHERE reference_id = :id")
                .param("id", project).query(String.class).list()).containsExactly("PROJECT " + VALMONT);
    }

    /**
     * A mutualisation's project arrives before governance's news of the mutualisation (two topics, no order between
     * them): a member's line for it is refused meanwhile, and accepted once the membership is known.
     */
    @Test
    void aMutualisationsProjectKnownBeforeTheMutualisationIsFundedByAMemberOnceItArrives() {
        UUID shared = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, portfolioEvent(project.toString(), shared.toString(), proposed(project, shared.toString())));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_published_reference WHERE reference_id = :id")
                .param("id", project).query(Long.class).single() == 1);
        assertThat(http.post("/api/budget/lines", line(project), VALMONT_AGENT, null).status()).isEqualTo(404);

        publishGovernance(shared.toString(), CAGV, new MutualisationCreated(shared, "SIG mutualisé", CAGV, List.of(VALMONT),
                "POPULATION", Map.of()));
        var created = http.post("/api/budget/lines", line(project), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private long processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id AND consumer = :consumer")
                .param("id", eventId).param("consumer", CONSUMER).query(Long.class).single();
    }

    private static ProjectProposed proposed(UUID project, String owner) {
        return new ProjectProposed(project, UUID.randomUUID(), owner, "SIG", "OPEN_DATA", "INFRASTRUCTURE",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0, 0);
    }

    private static String line(UUID project) {
        return """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "21", "label": "Serveurs SIG",
                 "projectId": "%s", "plannedCents": 1000}""".formatted(project);
    }
}
