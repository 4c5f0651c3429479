package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agenda names projects, roadmaps, scenarios and budget lines of portfolio and budget: each must be one the caller's tenant
 * sees, as its context published it, of the kind the item calls for; else 404 or 422 naming the field, and nothing
 * is recorded.
 */
class AgendaReferencesApiTest extends GovernanceIntegrationTest {

    private static final String MEMBERS = """
            {"personId": "p1", "name": "Anne Roy", "role": "maire", "collectiviteSiren": "%1$s", "voting": true, "chair": true},
            {"personId": "p2", "name": "Bruno Caron", "role": "adjoint", "collectiviteSiren": "%1$s", "voting": true}""";

    @Test
    void anotherTenantsObjectsAreNotFoundNamingTheirFieldAndNothingIsRecorded() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, null);
        UUID theirProject = publishedProject(t.outsider());
        UUID theirRoadmap = publishedRoadmap(t.outsider());
        UUID theirLine = publishedBudgetLine(t.outsider());
        UUID ourProject = publishedProject(t.ville());
        long events = eventCount();

        // each refusal waits the references' bound (3 s) before its 404, as for an object not yet published: the
        // requests go four at a time (the service admits six writes at once)
        Map<String, String> refusedNaming = new LinkedHashMap<>();
        refusedNaming.put(item("PROJECT_GATE", theirProject, null, null), "agenda[0].subjectId");
        refusedNaming.put(item("ROADMAP_ADOPTION", theirRoadmap, null, null), "agenda[0].subjectId");
        refusedNaming.put(item("INFORMATION", null, null, null) + ", " + item("BUDGET_ARBITRATION", null, theirLine, null),
                "agenda[1].amounts[0].budgetLineId");
        refusedNaming.put(item("BUDGET_ARBITRATION", null, null, theirProject), "agenda[0].amounts[0].projectId");
        refusedNaming.put(item("PRIORITISATION", theirProject, null, null), "agenda[0].subjectId");
        refusedNaming.put(item("PRIORITISATION", publishedScenario(t.outsider()), null, null), "agenda[0].subjectId");
        refusedNaming.put(item("PROJECT_GATE", UUID.randomUUID(), null, null), "agenda[0].subjectId");
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            Map<String, CompletableFuture<TestHttp.Response>> answers = new LinkedHashMap<>();
            refusedNaming.keySet().forEach(items -> answers.put(items,
                    CompletableFuture.supplyAsync(() -> schedule(instance, agent, items), four)));
            answers.forEach((items, answer) -> assertNotFoundNaming(answer.join(), refusedNaming.get(items)));
        } finally {
            four.shutdown();
        }
        TestHttp.Response notAnId = schedule(instance, agent, """
                {"kind": "PROJECT_GATE", "title": "Go", "subjectId": "projet-42"}""");
        assertProblem(notAnId, 400, "agenda[0].subjectId");
        assertThat(eventCount()).isEqualTo(events);

        TestHttp.Response mixed = schedule(instance, agent, item("PROJECT_GATE", ourProject, null, null) + ", "
                + item("BUDGET_ARBITRATION", null, null, theirProject));
        assertNotFoundNaming(mixed, "agenda[1].amounts[0].projectId");
        assertThat(mixed.body()).doesNotContain(t.outsider());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anObjectOfAnotherKindIsABrokenRuleNamingTheField() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, null);
        UUID roadmap = publishedRoadmap(t.ville());
        UUID project = publishedProject(t.ville());
        UUID line = publishedBudgetLine(t.ville());
        long events = eventCount();
        assertKindNaming(schedule(instance, agent, item("PROJECT_GATE", roadmap, null, null)), "agenda[0].subjectId");
        assertKindNaming(schedule(instance, agent, item("ROADMAP_ADOPTION", project, null, null)), "agenda[0].subjectId");
        assertKindNaming(schedule(instance, agent, item("BUDGET_ARBITRATION", null, project, null)),
                "agenda[0].amounts[0].budgetLineId");
        assertKindNaming(schedule(instance, agent, item("BUDGET_ARBITRATION", null, null, line)),
                "agenda[0].amounts[0].projectId");
        assertKindNaming(schedule(instance, agent, item("PRIORITISATION", line, null, null)), "agenda[0].subjectId");
        UUID scenario = publishedScenario(t.ville());
        assertKindNaming(schedule(instance, agent, item("PROJECT_GATE", scenario, null, null)), "agenda[0].subjectId");
        assertKindNaming(schedule(instance, agent, item("INFORMATION", scenario, null, null)), "agenda[0].subjectId");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theTenantsOwnObjectsAreConvened() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, null);
        TestHttp.Response created = schedule(instance, agent, String.join(", ",
                item("PROJECT_GATE", publishedProject(t.ville()), null, null),
                item("ROADMAP_ADOPTION", publishedRoadmap(t.ville()), null, null),
                item("BUDGET_ARBITRATION", null, publishedBudgetLine(t.ville()), null),
                item("BUDGET_ARBITRATION", null, null, publishedProject(t.ville())),
                item("PRIORITISATION", publishedRoadmap(t.ville()), null, null),
                item("PRIORITISATION", publishedScenario(t.ville()), null, null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** The EPCI convenes its mutualisation's committee on the mutualisation's project; a non-member's is unknown to it. */
    @Test
    void aMutualisationsProjectIsOnTheAgendaOfItsAdministeringEpci() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        var created = http.post("/api/governance/instances", """
                {"name": "Comité du service commun", "kind": "STRATEGIC_COMMITTEE", "cadence": "SEMIANNUAL",
                 "mutualisationId": "%s", "members": [%s]}""".formatted(mutualisation, MEMBERS.formatted(t.epci())),
                t.sharedAdmin(), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, t.sharedAdmin(), null), 200);
        UUID shared = publishedProject(mutualisation);
        TestHttp.Response convened = schedule(instance, t.sharedAdmin(), item("PROJECT_GATE", shared, null, null) + ", "
                + item("BUDGET_ARBITRATION", null, publishedBudgetLine(mutualisation), null));
        assertThat(convened.status()).as(convened.toString()).isEqualTo(201);

        String villageInstance = instance(t.village(), t.agent(t.village()), null);
        assertNotFoundNaming(schedule(villageInstance, t.agent(t.village()), item("PROJECT_GATE", shared, null, null)),
                "agenda[0].subjectId");
    }

    /** A member's own committee may name the project of the mutualisation it belongs to. */
    @Test
    void aMemberNamesItsMutualisationsProject() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, null);
        TestHttp.Response created = schedule(instance, agent,
                item("BUDGET_ARBITRATION", null, null, publishedProject(mutualisation)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String instance(String siren, String token, String mutualisation) {
        var created = http.post("/api/governance/instances", """
                {"name": "Comité", "kind": "STRATEGIC_COMMITTEE", "cadence": "QUARTERLY"%s, "members": [%s]}"""
                .formatted(mutualisation == null ? "" : ", \"mutualisationId\": \"" + mutualisation + "\"",
                        MEMBERS.formatted(siren)), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + id, token, null), 200);
        return id;
    }

    private TestHttp.Response schedule(String instance, String token, String items) {
        return http.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "2026-05-04T18:00:00+02:00", "agenda": [%s]}""".formatted(items), token, null);
    }

    private static String item(String kind, UUID subject, UUID budgetLine, UUID project) {
        String amount = budgetLine != null ? "{\"budgetLineId\": \"" + budgetLine + "\", \"amountCents\": 100}"
                : project != null ? "{\"projectId\": \"" + project + "\", \"amountCents\": 100}" : null;
        return "{\"kind\": \"" + kind + "\", \"title\": \"Point\""
                + (subject == null ? "" : ", \"subjectId\": \"" + subject + "\"")
                + (amount == null ? "" : ", \"amounts\": [" + amount + "]") + "}";
    }

    private static void assertNotFoundNaming(TestHttp.Response answer, String field) {
        assertProblem(answer, 404, "not-found");
        assertThat(answer.json().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }

    private static void assertKindNaming(TestHttp.Response answer, String field) {
        assertProblem(answer, 422, "reference-kind");
        assertThat(answer.json().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }
}
