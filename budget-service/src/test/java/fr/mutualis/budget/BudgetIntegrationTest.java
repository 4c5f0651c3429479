package fr.mutualis.budget;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Sirets;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.testsupport.ServiceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestEvents;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every API and integration test of the budget shares: ONE Spring context (same configuration, same
 * infrastructure registration, so Spring caches it), the demo tenants' tokens and helpers over real HTTP. Tests
 * share the database, so each creates its own data and asserts on it. Lines and programmes are snapshotted every 5
 * events here (50 by default), so that every test also decides on aggregates loaded from a snapshot.
 */
@TestPropertySource(properties = "mutualis.budget.snapshot-after-events=5")
public abstract class BudgetIntegrationTest extends ServiceIntegrationTest {

    /** The mutualisations' administrator: SHARED_SERVICE_ADMIN of the EPCI that administers them. */
    protected static final String CAGV_ADMIN = ISSUER.token("cagv-shared-admin", List.of(CAGV), List.of("SHARED_SERVICE_ADMIN"));

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** Opens a line and waits until it can be read. */
    protected String openLine(String token, int fiscalYear, String section, String chapter, long plannedCents) {
        var created = http.post("/api/budget/lines", """
                {"fiscalYear": %d, "section": "%s", "chapter": "%s", "label": "Ligne %s", "plannedCents": %d}"""
                .formatted(fiscalYear, section, chapter, chapter, plannedCents), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        awaitLine(id, token, line -> true);
        return id;
    }

    protected void vote(String token, int fiscalYear, String stage, String lineId, long creditsCents) {
        var vote = http.post("/api/budget/votes", """
                {"fiscalYear": %d, "stage": "%s", "lines": [{"lineId": "%s", "creditsCents": %d}]}"""
                .formatted(fiscalYear, stage, lineId, creditsCents), token, null);
        assertThat(vote.status()).as(vote.toString()).isEqualTo(201);
    }

    /** A line opened and voted at BP with {@code creditsCents}, read back with those credits. */
    protected String votedLine(String token, int fiscalYear, String section, String chapter, long creditsCents) {
        String id = openLine(token, fiscalYear, section, chapter, creditsCents);
        vote(token, fiscalYear, "BP", id, creditsCents);
        awaitLine(id, token, line -> line.get("votedCents").asLong() == creditsCents);
        return id;
    }

    protected JsonNode awaitLine(String id, String token, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            var answer = http.get("/api/budget/lines/" + id, token, null);
            return answer.status() == 200 ? answer.json() : null;
        }, line -> line != null && condition.test(line));
    }

    protected JsonNode line(String id, String token) {
        var answer = http.get("/api/budget/lines/" + id, token, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    protected static String spending(long amountCents, String reference, String date) {
        return """
                {"amountCents": %d, "reference": "%s", "date": "%s"}""".formatted(amountCents, reference, date);
    }

    /**
     * Governance published the demo territory's collectivités, the SIRETs of their sièges included (the SCDL export
     * needs them); waits until the budget has read them.
     */
    protected void directoryHasTheDemoTerritory() {
        publishGovernance(CAGV, CAGV, collectivite(CAGV, "Communauté d'agglomération du Grand Val", "EPCI", 160_000, null));
        publishGovernance(VALMONT, VALMONT, collectivite(VALMONT, "Valmont", "COMMUNE", 80_000, CAGV));
        publishGovernance(SAINT_AUBIN, SAINT_AUBIN, collectivite(SAINT_AUBIN, "Saint-Aubin-sur-Val", "COMMUNE", 12_000, CAGV));
        publishGovernance(AULNES, AULNES, collectivite(AULNES, "Les Aulnes", "COMMUNE", 4_500, CAGV));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM collectivite WHERE siren IN (:sirens) AND siret IS NOT NULL""")
                .param("sirens", List.of(CAGV, VALMONT, SAINT_AUBIN, AULNES)).query(Long.class).single() == 4);
    }

    /** A collectivité's registration as governance publishes it, with {@link #siret} as its siège's SIRET. */
    protected static CollectiviteRegistered collectivite(String siren, String name, String kind, long population, String epciSiren) {
        return new CollectiviteRegistered(siren, name, kind, population, epciSiren, siret(siren));
    }

    /** The SIRET the tests give a collectivité's siège. */
    protected static String siret(String siren) {
        return Sirets.completing(siren, "0001");
    }

    /** Publishes a governance integration event on the real broker, as governance would. */
    protected static EventEnvelope publishGovernance(String aggregateId, String tenantId, Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(),
                tenantId, aggregateId, 0, "test", JSON.valueToTree(payload));
        send(envelope);
        return envelope;
    }

    protected static void send(EventEnvelope envelope) {
        send(Topics.GOVERNANCE, envelope);
    }

    protected static void send(String topic, EventEnvelope envelope) {
        TestEvents.publish(topic, envelope);
    }

    /** A portfolio integration event, as portfolio would publish it (not sent). */
    protected static EventEnvelope portfolioEvent(String aggregateId, String tenantId, Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(), tenantId,
                aggregateId, 0, "test", JSON.valueToTree(payload));
    }

    /** Publishes a project of {@code owner} on portfolio's topic, as portfolio does when it is proposed. */
    protected static UUID publishedProject(String owner) {
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, portfolioEvent(project.toString(), owner, new ProjectProposed(project, UUID.randomUUID(),
                owner, "Projet", "OPEN_DATA", "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0, 0)));
        return project;
    }

    /** Publishes a roadmap of {@code owner} on portfolio's topic, as portfolio does when it is drafted. */
    protected static UUID publishedRoadmap(String owner) {
        UUID roadmap = UUID.randomUUID();
        send(Topics.PORTFOLIO, portfolioEvent(roadmap.toString(), owner, new RoadmapDrafted(roadmap, owner,
                "Feuille de route", 2026, 2028, List.of("OPEN_DATA"))));
        return roadmap;
    }

    protected static void assertBadRequest(TestHttp.Response answer, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.body()).as(answer.toString()).contains(named);
    }

    protected static void assertProblem(TestHttp.Response answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().get("type").asString()).as(answer.toString()).endsWith("/" + type);
    }
}
