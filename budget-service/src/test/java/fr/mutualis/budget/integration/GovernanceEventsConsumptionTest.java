package fr.mutualis.budget.integration;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Approved budget arbitrations reach the lines through the real broker: once, in any order, only on their owner's lines. */
class GovernanceEventsConsumptionTest extends BudgetIntegrationTest {

    @Test
    void approvedArbitrationsAreRecordedOnceAndTheLatestDecisionWinsWhateverTheArrivalOrder() {
        String line = openLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 50_000);
        UUID lineId = UUID.fromString(line);
        // The later decision arrives first, the earlier one twice.
        send(decision(VALMONT, "APPROVED", "BUDGET_ARBITRATION", LocalDate.of(2026, 6, 20), lineId, 42_000));
        EventEnvelope earlier = decision(VALMONT, "APPROVED", "BUDGET_ARBITRATION", LocalDate.of(2026, 3, 10), lineId, 45_000);
        send(earlier);
        send(earlier);

        JsonNode read = awaitLine(line, VALMONT_AGENT, current -> current.get("arbitrations").size() == 2);
        assertThat(read.get("arbitratedCents").asLong()).isEqualTo(42_000);
        assertThat(read.get("arbitrations")).extracting(arbitration -> arbitration.get("amountCents").asLong())
                .containsExactly(45_000L, 42_000L);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_integration_event WHERE event_id = :id AND consumer = 'budget-governance-events'""")
                .param("id", earlier.eventId()).query(Long.class).single() == 1);
        assertThat(line(line, VALMONT_AGENT).get("arbitrations")).hasSize(2);
        assertThat(line(line, VALMONT_AGENT).get("plannedCents").asLong()).isEqualTo(50_000);
    }

    @Test
    void anArbitrationForALineNotYetKnownIsKeptUntilTheLineIsRead() {
        UUID notYetProjected = UUID.randomUUID();
        EventEnvelope envelope = decision(SAINT_AUBIN, "APPROVED", "BUDGET_ARBITRATION", LocalDate.of(2026, 2, 1), notYetProjected, 7_000);
        send(envelope);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM line_arbitration WHERE line_id = :id")
                .param("id", notYetProjected).query(Long.class).single() == 1);
        // No line has this id in the budget's event store: the arbitration is told as not applied.
        assertThat(notApplied(envelope)).singleElement().satisfies(payload -> {
            assertThat(payload.get("subjectId").asString()).isEqualTo(notYetProjected.toString());
            assertThat(payload.get("reason").asString()).isEqualTo("UNKNOWN_SUBJECT");
            assertThat(payload.get("ownerId").asString()).isEqualTo(SAINT_AUBIN);
        });
    }

    @Test
    void onlyApprovedBudgetArbitrationsOfTheLinesOwnerCount() {
        String line = openLine(VALMONT_AGENT, 2026, "OPERATING", "011", 10_000);
        UUID lineId = UUID.fromString(line);
        send(decision(VALMONT, "REJECTED", "BUDGET_ARBITRATION", LocalDate.of(2026, 4, 1), lineId, 1));
        send(decision(VALMONT, "APPROVED", "PRIORITISATION", LocalDate.of(2026, 4, 1), lineId, 2));
        EventEnvelope foreign = decision(SAINT_AUBIN, "APPROVED", "BUDGET_ARBITRATION", LocalDate.of(2026, 4, 1), lineId, 3);
        send(foreign);
        EventEnvelope marker = decision(VALMONT, "APPROVED", "BUDGET_ARBITRATION", LocalDate.of(2026, 4, 2), lineId, 9_000);
        send(marker);

        // Records of one key are consumed in order: once the last one shows, the others were handled.
        JsonNode read = awaitLine(line, VALMONT_AGENT, current -> !current.get("arbitrations").isEmpty());
        assertThat(read.get("arbitrations")).singleElement()
                .satisfies(arbitration -> assertThat(arbitration.get("amountCents").asLong()).isEqualTo(9_000));
        assertThat(read.get("arbitratedCents").asLong()).isEqualTo(9_000);
        // Saint-Aubin's instance has no say on Valmont's line: told as not applied.
        assertThat(notApplied(foreign)).singleElement()
                .satisfies(payload -> assertThat(payload.get("reason").asString()).isEqualTo("OTHER_OWNER"));
    }

    /** The budget.DecisionNotApplied payloads of the decision {@code published}. */
    private static List<JsonNode> notApplied(EventEnvelope published) {
        return TestEvents.published(Topics.BUDGET, "budget.DecisionNotApplied", "decisionId",
                List.of(published.payload().get("decisionId").asString()));
    }

    /**
     * The convention arrives before its members' registrations, and a registration twice: the allocation asked
     * meanwhile is refused (422, nothing stored), and once the populations are known the same request splits the
     * cost by them, each registration applied once.
     */
    @Test
    void aMutualisationKnownBeforeItsMembersPopulationsIsAllocatedOnceTheyArrive() {
        String first = freshSiren();
        String second = freshSiren();
        UUID mutualisation = UUID.randomUUID();
        publishGovernance(mutualisation.toString(), CAGV, new MutualisationCreated(mutualisation, "Service commun SIG", CAGV,
                List.of(first, second), "POPULATION", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", mutualisation).query(Long.class).single() == 1);
        String path = "/api/budget/mutualisations/" + mutualisation + "/allocations";
        long events = eventCount();
        var early = http.post(path, "{\"fiscalYear\": 2026, \"costCents\": 1000}", CAGV_ADMIN, null);
        assertProblem(early, 422, "allocation-weight-missing");
        assertThat(eventCount()).isEqualTo(events);

        EventEnvelope registration = publishGovernance(second, second, new CollectiviteRegistered(second, "Bourg", "COMMUNE", 1_000, CAGV));
        send(registration);
        publishGovernance(first, first, new CollectiviteRegistered(first, "Ville", "COMMUNE", 3_000, CAGV));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM collectivite WHERE siren IN (:a, :b)")
                .param("a", first).param("b", second).query(Long.class).single() == 2);

        var allocated = http.post(path, "{\"fiscalYear\": 2026, \"costCents\": 1000}", CAGV_ADMIN, null);
        assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
        assertThat(allocated.json().get("allocations")).extracting(share -> share.get("amountCents").asLong())
                .containsExactly(first.compareTo(second) < 0 ? new Long[]{750L, 250L} : new Long[]{250L, 750L});
        // The registration delivered twice was applied once, by the directory's listener (this class's consumer
        // applies no registration, so keeps no row of it).
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_integration_event WHERE event_id = :id AND consumer = 'budget-service-mutualisation-directory'""")
                .param("id", registration.eventId()).query(Long.class).single() == 1);
    }

    private static String freshSiren() {
        return String.valueOf(300_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(600_000_000));
    }

    private static EventEnvelope decision(String owner, String outcome, String kind, LocalDate decidedOn, UUID lineId, long amount) {
        UUID decisionId = UUID.randomUUID();
        var payload = new DecisionPublished(decisionId, SESSION, UUID.randomUUID(), owner, "DELIBERATIVE_ASSEMBLY",
                UUID.randomUUID(), kind, null, "Arbitrage budgétaire", outcome, 20, 3, 1,
                List.of(new DecisionPublished.ArbitratedAmount(lineId, null, amount),
                        new DecisionPublished.ArbitratedAmount(null, UUID.randomUUID(), 123)), decidedOn);
        var described = fr.mutualis.contracts.IntegrationEvents.describe(DecisionPublished.class);
        return new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), java.time.Instant.now(), owner,
                SESSION.toString(), 0, "test", JSON.valueToTree(payload));
    }

    /** One session key for all decisions, so that Kafka keeps their order on one partition. */
    private static final UUID SESSION = UUID.randomUUID();
}
