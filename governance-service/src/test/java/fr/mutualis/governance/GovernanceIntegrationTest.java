package fr.mutualis.governance;

import fr.mutualis.contracts.Sirets;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.contracts.portfolio.ScenarioDefined;
import fr.mutualis.testsupport.ServiceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every API and integration test of the module shares (same configuration, so Spring
 * caches it): real PostgreSQL, real Kafka, real tokens. Tests use fresh SIRENs, so they never depend on each other.
 */
public abstract class GovernanceIntegrationTest extends ServiceIntegrationTest {

    protected static String token(String subject, String tenant, String... roles) {
        return ISSUER.token(subject, List.of(tenant), List.of(roles));
    }

    protected static String platformAdmin(String tenant) {
        return token("platform-admin", tenant, "PLATFORM_ADMIN");
    }

    /** Waits for the read models (fed asynchronously by the projection) to answer {@code status}. */
    protected static TestHttp.Response awaitStatus(Supplier<TestHttp.Response> request, int status) {
        return awaitUntil(request, response -> response.status() == status);
    }

    /** Waits for the read models to give an answer that satisfies {@code done}. */
    protected static TestHttp.Response awaitUntil(Supplier<TestHttp.Response> request, Predicate<TestHttp.Response> done) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(request::get, done);
    }

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected static void assertProblem(TestHttp.Response answer, int status, String mentioning) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.body()).as(answer.toString()).contains(mentioning);
    }

    /** Registers a collectivité; the directory shows it once the projection has caught up. */
    /** Registers a collectivité with its siège's SIRET, {@link #siret}. */
    protected void registerCollectivite(String siren, String name, String kind, long population, String epciSiren) {
        var answer = http.post("/api/governance/collectivites", """
                        {"siren": "%s", "name": "%s", "kind": "%s", "population": %d%s, "siret": "%s"}"""
                        .formatted(siren, name, kind, population, epciSiren == null ? "" : ", \"epciSiren\": \"" + epciSiren + "\"",
                                siret(siren)),
                platformAdmin(siren), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    /** The SIRET the tests give a collectivité's siège. */
    protected static String siret(String siren) {
        return Sirets.completing(siren, "0001");
    }

    /** A fresh territory: an EPCI, three member communes, and a commune of no EPCI. */
    protected Territory newTerritory() {
        Territory territory = new Territory(TestSirens.random(), TestSirens.random(), TestSirens.random(),
                TestSirens.random(), TestSirens.random());
        registerCollectivite(territory.epci(), "Communauté de test", "EPCI", 160_000, null);
        registerCollectivite(territory.ville(), "Ville-centre", "COMMUNE", 80_000, territory.epci());
        registerCollectivite(territory.bourg(), "Bourg", "COMMUNE", 12_000, territory.epci());
        registerCollectivite(territory.village(), "Village", "COMMUNE", 4_500, territory.epci());
        registerCollectivite(territory.outsider(), "Commune isolée", "COMMUNE", 900, null);
        // Posted first and awaited together: the projection catches up with all of them at once.
        for (String siren : List.of(territory.epci(), territory.ville(), territory.bourg(), territory.village(), territory.outsider())) {
            awaitStatus(() -> http.get("/api/governance/collectivites/" + siren, platformAdmin(siren), null), 200);
        }
        return territory;
    }

    /** Creates a mutualisation of the EPCI with the ville and the bourg, and waits until it is visible. */
    protected String newMutualisation(Territory territory) {
        var created = http.post("/api/governance/mutualisations", """
                        {"name": "DSI commune et SIG", "epciSiren": "%s", "memberSirens": ["%s", "%s"],
                         "allocationKey": {"method": "POPULATION"}}""".formatted(territory.epci(), territory.ville(),
                        territory.bourg()),
                platformAdmin(territory.epci()), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/mutualisations/" + id, territory.sharedAdmin(), null), 200);
        return id;
    }

    /** Publishes a project of {@code owner} on portfolio's topic, as portfolio does, and waits until governance read it. */
    protected UUID publishedProject(String owner) {
        UUID project = UUID.randomUUID();
        publish(Topics.PORTFOLIO, project, owner, new ProjectProposed(project, UUID.randomUUID(), owner, "Projet",
                "OPEN_DATA", "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0, 0));
        return awaitReference(project);
    }

    /** Publishes a roadmap of {@code owner} on portfolio's topic and waits until governance read it. */
    protected UUID publishedRoadmap(String owner) {
        UUID roadmap = UUID.randomUUID();
        publish(Topics.PORTFOLIO, roadmap, owner, new RoadmapDrafted(roadmap, owner, "Feuille de route", 2026, 2028,
                List.of("OPEN_DATA")));
        return awaitReference(roadmap);
    }

    /** Publishes a what-if scenario of {@code owner} on portfolio's topic and waits until governance read it. */
    protected UUID publishedScenario(String owner) {
        UUID scenario = UUID.randomUUID();
        publish(Topics.PORTFOLIO, scenario, owner, new ScenarioDefined(scenario, UUID.randomUUID(), owner, "Scénario",
                List.of(), List.of()));
        return awaitReference(scenario);
    }

    /** Publishes a budget line of {@code owner} on budget's topic and waits until governance read it. */
    protected UUID publishedBudgetLine(String owner) {
        UUID line = UUID.randomUUID();
        publish(Topics.BUDGET, line, owner, new BudgetLineOpened(line, owner, 2026, "INVESTMENT", "20", "Logiciels",
                null, 0));
        return awaitReference(line);
    }

    private UUID awaitReference(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM kit_published_reference WHERE reference_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        return id;
    }

    private static void publish(String topic, UUID aggregate, String owner, Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(),
                owner, aggregate.toString(), 0, "test", JSON.valueToTree(payload));
        TestEvents.publish(topic, envelope);
    }

    public record Territory(String epci, String ville, String bourg, String village, String outsider) {

        public String agent(String siren) {
            return token(siren + "-agent", siren, "AGENT");
        }

        public String elu(String siren) {
            return token(siren + "-elu", siren, "ELU");
        }

        public String sharedAdmin() {
            return token(epci + "-shared-admin", epci, "SHARED_SERVICE_ADMIN");
        }
    }
}
