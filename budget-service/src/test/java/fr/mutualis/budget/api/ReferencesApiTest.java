package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A line or a programme names a project, a revision a decision, of another context: it must be one the caller's
 * tenant sees, as portfolio and governance published it, of the right kind; else 404 or 422 naming the field, and
 * nothing is recorded.
 */
class ReferencesApiTest extends BudgetIntegrationTest {

    @Test
    void aLineForAnotherTenantsProjectIsNotFoundNamingProjectIdAndNothingIsRecorded() {
        UUID theirs = publishedProject(SAINT_AUBIN);
        awaitReference(theirs);
        long events = eventCount();
        TestHttp.Response answer = http.post("/api/budget/lines", line(theirs), VALMONT_AGENT, null);
        assertNotFoundNaming(answer, "projectId");
        assertThat(answer.json().get("detail").asString()).contains("awaited 3000 ms").doesNotContain(SAINT_AUBIN);
        assertNotFoundNaming(http.post("/api/budget/lines", line(UUID.randomUUID()), VALMONT_AGENT, null), "projectId");
        assertThat(http.post("/api/budget/lines", line(theirs), STAUBIN_AGENT, null).status()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void aRoadmapIsNotAProject() {
        UUID roadmap = publishedRoadmap(VALMONT);
        awaitReference(roadmap);
        long events = eventCount();
        TestHttp.Response answer = http.post("/api/budget/lines", line(roadmap), VALMONT_AGENT, null);
        assertProblem(answer, 422, "reference-kind");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("projectId");
        assertProblem(http.post("/api/budget/programmes", programme(roadmap), VALMONT_AGENT, null), 422, "reference-kind");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aVisibleProjectOfTheTenantIsFundedAndShownOnTheLine() {
        UUID project = publishedProject(VALMONT);
        TestHttp.Response created = http.post("/api/budget/lines", line(project), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(line(created.json().get("id").asString(), VALMONT_AGENT).get("projectId").asString())
                .isEqualTo(project.toString());
        assertThat(http.post("/api/budget/programmes", programme(project), VALMONT_AGENT, null).status()).isEqualTo(201);
    }

    @Test
    void aMemberFundsItsMutualisationsProjectAndANonMemberCannot() {
        UUID shared = UUID.randomUUID();
        publishGovernance(shared.toString(), CAGV, new MutualisationCreated(shared, "DSI commune", CAGV, List.of(VALMONT),
                "POPULATION", Map.of()));
        UUID project = publishedProject(shared.toString());
        awaitReference(project);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", shared).query(Long.class).single() == 1);
        assertThat(http.post("/api/budget/lines", line(project), VALMONT_AGENT, null).status()).isEqualTo(201);
        assertThat(http.post("/api/budget/programmes", programme(project), VALMONT_AGENT, null).status()).isEqualTo(201);
        assertNotFoundNaming(http.post("/api/budget/lines", line(project), STAUBIN_AGENT, null), "projectId");
        assertNotFoundNaming(http.post("/api/budget/programmes", programme(project), STAUBIN_AGENT, null), "projectId");
    }

    @Test
    void aProgrammeForAnotherTenantsProjectIsNotFoundNamingProjectId() {
        UUID theirs = publishedProject(SAINT_AUBIN);
        awaitReference(theirs);
        long events = eventCount();
        assertNotFoundNaming(http.post("/api/budget/programmes", programme(theirs), VALMONT_AGENT, null), "projectId");
        assertThat(eventCount()).isEqualTo(events);
    }

    /** A line spends a programme of its own owner: another tenant's, or an unknown one, is 404 naming programmeId. */
    @Test
    void aLineOnAnotherTenantsProgrammeIsNotFoundNamingProgrammeId() {
        String theirs = http.post("/api/budget/programmes", programme(null), STAUBIN_AGENT, null).json().get("id").asString();
        long events = eventCount();
        for (String programme : new String[]{theirs, UUID.randomUUID().toString()}) {
            assertNotFoundNaming(http.post("/api/budget/lines", """
                    {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciel",
                     "programmeId": "%s", "plannedCents": 1000}""".formatted(programme), VALMONT_AGENT, null), "programmeId");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    /** The project's event is read while the line waits for it: the client that just created it gets its 201. */
    @Test
    void aProjectPublishedMomentsBeforeTheLineIsAwaited() throws Exception {
        UUID project = UUID.randomUUID();
        CompletableFuture<TestHttp.Response> answer = CompletableFuture.supplyAsync(
                () -> http.post("/api/budget/lines", line(project), VALMONT_AGENT, null));
        Thread.sleep(300);
        send(Topics.PORTFOLIO, portfolioEvent(project.toString(), VALMONT,
                new ProjectProposed(project, UUID.randomUUID(), VALMONT, "Projet",
                        "OPEN_DATA", "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), 0, 0)));
        assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
    }

    @Test
    void aRevisionNamesADecisionTheTenantSees() {
        String programme = http.post("/api/budget/programmes", programme(null), VALMONT_AGENT, null).json().get("id").asString();
        UUID theirs = publishedDecision(SAINT_AUBIN);
        UUID ours = publishedDecision(VALMONT);
        awaitReference(theirs);
        awaitReference(ours);
        assertNotFoundNaming(http.post("/api/budget/programmes/" + programme + "/revisions", revision(theirs), VALMONT_AGENT, null),
                "decisionId");
        UUID project = publishedProject(VALMONT);
        awaitReference(project);
        assertProblem(http.post("/api/budget/programmes/" + programme + "/revisions", revision(project), VALMONT_AGENT, null),
                422, "reference-kind");
        TestHttp.Response revised = http.post("/api/budget/programmes/" + programme + "/revisions", revision(ours), VALMONT_AGENT, null);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(1);
    }

    private void awaitReference(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM kit_published_reference WHERE reference_id = :id")
                .param("id", id).query(Long.class).single() == 1);
    }

    private static UUID publishedDecision(String owner) {
        UUID decision = UUID.randomUUID();
        publishGovernance(UUID.randomUUID().toString(), owner, new DecisionPublished(decision, UUID.randomUUID(),
                UUID.randomUUID(), owner, "DELIBERATIVE_ASSEMBLY", UUID.randomUUID(), "INFORMATION", null,
                "Révision de l'AP", "APPROVED", 10, 0, 0, List.of(), LocalDate.of(2026, 6, 1)));
        return decision;
    }

    private static void assertNotFoundNaming(TestHttp.Response answer, String field) {
        assertProblem(answer, 404, "not-found");
        assertThat(answer.json().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }

    private static String line(UUID project) {
        return """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciel",
                 "projectId": "%s", "plannedCents": 1000}""".formatted(project);
    }

    private static String programme(UUID project) {
        return """
                {"label": "AP", "chapter": "20", %s "amountCents": 1000, "schedule": [{"year": 2026, "amountCents": 1000}]}"""
                .formatted(project == null ? "" : "\"projectId\": \"" + project + "\",");
    }

    private static String revision(UUID decision) {
        return """
                {"amountCents": 2000, "schedule": [{"year": 2026, "amountCents": 2000}], "reason": "Révision",
                 "decisionId": "%s"}""".formatted(decision);
    }
}
