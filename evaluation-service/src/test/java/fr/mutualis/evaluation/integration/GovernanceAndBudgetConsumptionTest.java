package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Governance and budget events, consumed once whatever the order and the redeliveries; poison goes to the DLT. */
class GovernanceAndBudgetConsumptionTest extends EvaluationIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aLaterDesignationWinsWhateverTheOrderOfArrival() {
        String siren = newSiren();
        EventEnvelope second = envelope(siren, siren, 2, new ElectedLeadDesignated(siren, "Claire Numérique"));
        EventEnvelope first = envelope(siren, siren, 1, new ElectedLeadDesignated(siren, "Paul Ancien"));
        send(Topics.GOVERNANCE, second);
        send(Topics.GOVERNANCE, first);
        send(Topics.GOVERNANCE, second);
        send(Topics.GOVERNANCE, envelope(siren, siren, 0, new CollectiviteRegistered(siren, "Valmont", "COMMUNE", 80_000, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM governance_collectivite WHERE siren = :siren")
                .param("siren", siren).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT name FROM governance_elected_lead WHERE siren = :siren").param("siren", siren)
                .query(String.class).single()).isEqualTo("Claire Numérique");
        assertThat(http.get("/api/evaluation/barometer", agent(siren), null).json().get("criteria").get("electedLead").asBoolean()).isTrue();
    }

    @Test
    void sessionsClosedBeforeTheirInstanceCountOnceForTheCadence() {
        String siren = newSiren();
        UUID instance = UUID.randomUUID();
        int year = LocalDate.now().getYear() - 1;
        EventEnvelope january = envelope(siren, instance, 3, new SessionClosed(UUID.randomUUID(), instance, siren, LocalDate.of(year, 1, 20), 2));
        EventEnvelope july = envelope(siren, instance, 7, new SessionClosed(UUID.randomUUID(), instance, siren, LocalDate.of(year, 7, 2), 1));
        send(Topics.GOVERNANCE, january);
        send(Topics.GOVERNANCE, july);
        send(Topics.GOVERNANCE, january);
        var created = new EventEnvelope(UUID.randomUUID(), "governance.InstanceCreated", 1, Instant.parse((year - 1) + "-06-01T10:00:00Z"),
                siren, instance.toString(), 0, "test", JSON.valueToTree(new InstanceCreated(instance, siren, "Comité stratégique",
                "STRATEGIC_COMMITTEE", "QUARTERLY")));
        send(Topics.GOVERNANCE, created);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode governance = http.get("/api/evaluation/dashboard?fiscalYear=" + year, agent(siren), null).json().get("governance");
            assertThat(governance.get("instances")).hasSize(1);
            assertThat(governance.get("sessionsHeld").asLong()).isEqualTo(2);
            assertThat(governance.get("sessionsExpected").asLong()).isEqualTo(4);
            assertThat(governance.get("instances").get(0).get("periodsKept").asInt()).isEqualTo(2);
            assertThat(governance.get("instances").get(0).get("kept").asBoolean()).isFalse();
        });
    }

    @Test
    void budgetAmountsCountOnceAndTheNewestVoteWins() {
        String siren = newSiren();
        UUID line = UUID.randomUUID();
        UUID engagement = UUID.randomUUID();
        Instant bp = Instant.parse("2026-03-15T10:00:00Z");
        Instant dm = Instant.parse("2026-09-15T10:00:00Z");
        EventEnvelope mandate = envelope(siren, engagement, 1, new MandateRecorded(UUID.randomUUID(), engagement, line, siren, 2026,
                "INVESTMENT", null, 30_000, "M-1", LocalDate.of(2026, 10, 1)));
        EventEnvelope engaged = envelope(siren, engagement, 0, new EngagementRecorded(engagement, line, siren, 2026, "INVESTMENT", null,
                80_000, "EJ-1", LocalDate.of(2026, 9, 20)));
        EventEnvelope amended = voted(siren, line, dm, 2, "DM", 150_000);
        EventEnvelope primitive = voted(siren, line, bp, 1, "BP", 100_000);
        // Mandate before its engagement, engagement before its line, the amending vote before the first one, duplicates.
        send(Topics.BUDGET, mandate);
        send(Topics.BUDGET, engaged);
        send(Topics.BUDGET, amended);
        send(Topics.BUDGET, primitive);
        send(Topics.BUDGET, engaged);
        send(Topics.BUDGET, mandate);
        send(Topics.BUDGET, envelope(siren, line, 0, new BudgetLineOpened(line, siren, 2026, "INVESTMENT", "20", "Logiciels", null, 120_000)));
        send(Topics.BUDGET, envelope(siren, UUID.randomUUID(), 0, new BudgetLineOpened(UUID.randomUUID(), siren, 2026, "OPERATING", "011",
                "Maintenance", null, 40_000)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode budget = http.get("/api/evaluation/dashboard?fiscalYear=2026", agent(siren), null).json().get("budget");
            assertThat(budget.get("investment").get("plannedCents").asLong()).isEqualTo(120_000);
            assertThat(budget.get("investment").get("votedCents").asLong()).isEqualTo(150_000);
            assertThat(budget.get("investment").get("engagedCents").asLong()).isEqualTo(80_000);
            assertThat(budget.get("investment").get("mandatedCents").asLong()).isEqualTo(30_000);
            assertThat(budget.get("operating").get("plannedCents").asLong()).isEqualTo(40_000);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM processed_integration_event WHERE event_id IN (:ids)")
                .param("ids", java.util.List.of(mandate.eventId(), engaged.eventId())).query(Long.class).single() == 2);
        JsonNode other = http.get("/api/evaluation/dashboard?fiscalYear=2026", agent(newSiren()), null).json().get("budget");
        assertThat(other.get("investment").get("votedCents").asLong()).isZero();
        assertThat(http.get("/api/evaluation/dashboard?fiscalYear=2025", agent(siren), null).json().get("budget")
                .get("investment").get("plannedCents").asLong()).isZero();
    }

    /** A transfer sets a line's credits like a vote, in the same stream: the newest of both wins, in any order. */
    @Test
    void aTransferSetsTheLinesCreditsInTheOrderOfItsStream() {
        String siren = newSiren();
        UUID line = UUID.randomUUID();
        EventEnvelope primitive = voted(siren, line, Instant.parse("2026-03-15T10:00:00Z"), 1, "BP", 100_000);
        EventEnvelope transferred = new EventEnvelope(UUID.randomUUID(), "budget.LineCreditsTransferred", 1,
                Instant.parse("2026-06-01T10:00:00Z"), siren, line.toString(), 2, "test",
                JSON.valueToTree(new LineCreditsTransferred(line, siren, 2026, "INVESTMENT", UUID.randomUUID(), -40_000, 60_000)));
        send(Topics.BUDGET, transferred);
        send(Topics.BUDGET, primitive);
        send(Topics.BUDGET, transferred);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM processed_integration_event WHERE event_id IN (:ids)")
                .param("ids", java.util.List.of(primitive.eventId(), transferred.eventId())).query(Long.class).single() == 2);
        assertThat(votedCents(line)).isEqualTo(60_000);

        send(Topics.BUDGET, voted(siren, line, Instant.parse("2026-09-15T10:00:00Z"), 3, "DM", 150_000));
        await().atMost(Duration.ofSeconds(15)).until(() -> votedCents(line) == 150_000);
    }

    private long votedCents(UUID line) {
        return jdbc.sql("SELECT voted_cents FROM budget_line WHERE line_id = :id").param("id", line).query(Long.class).single();
    }

    @Test
    void poisonOnTheGovernanceAndBudgetTopicsIsDeadLetteredAndCounted() {
        String governanceKey = "poison-" + UUID.randomUUID();
        String budgetKey = "poison-" + UUID.randomUUID();
        sendRaw(Topics.GOVERNANCE, governanceKey, "{\"eventId\": 42");
        // A readable envelope whose payload is not what its type says can never be applied either.
        String siren = newSiren();
        EventEnvelope wrongPayload = new EventEnvelope(UUID.randomUUID(), "budget.CreditsVoted", 1, Instant.now(), siren, budgetKey, 0,
                "test", JSON.readTree("{\"lineId\": \"not-a-uuid\"}"));
        send(Topics.BUDGET, wrongPayload);
        String after = newSiren();
        send(Topics.BUDGET, envelope(after, UUID.randomUUID(), 0, new BudgetLineOpened(UUID.randomUUID(), after, 2026, "OPERATING", "011",
                "Après le poison", null, 1)));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM budget_line WHERE owner_id = :owner")
                .param("owner", after).query(Long.class).single() == 1);
        assertThat(recordsOn(Topics.deadLetter(Topics.GOVERNANCE), governanceKey, value -> true)).isNotEmpty();
        assertThat(recordsOn(Topics.deadLetter(Topics.BUDGET), budgetKey, value -> true)).isNotEmpty();
        assertThat(meters.find("mutualis.integration.dead.lettered").tag("topic", Topics.BUDGET).counter())
                .isNotNull().satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("mutualis.integration.dead.lettered")
                .tag("topic", Topics.GOVERNANCE).counter() != null);
    }

    private static EventEnvelope voted(String siren, UUID line, Instant at, long sequence, String stage, long credits) {
        return new EventEnvelope(UUID.randomUUID(), "budget.CreditsVoted", 1, at, siren, line.toString(), sequence, "test",
                JSON.valueToTree(new CreditsVoted(line, siren, 2026, "INVESTMENT", stage, credits)));
    }
}
