package fr.mutualis.portfolio.api;

import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.DocumentedRoles;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Roadmaps and projects: creation, reads, tenancy, input errors, authentication and audit metadata. */
class PortfolioApiTest extends PortfolioServiceTest {

    @Test
    void aRoadmapIsCreatedInDraftAndReadBack() {
        var created = http.post("/api/portfolio/roadmaps", roadmapJson(2026, 2028), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/portfolio/roadmaps/" + id));

        var read = await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/portfolio/roadmaps/" + id, VALMONT_AGENT, null),
                response -> response.status() == 200);
        assertThat(read.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(read.json().get("axes").toString()).contains("OPEN_DATA", "DEMATERIALISATION");
        assertThat(read.header("ETag")).isPresent();
    }

    @Test
    void anotherTenantSeesNeitherTheRoadmapNorItsProjects() {
        String roadmapId = http.post("/api/portfolio/roadmaps", roadmapJson(2026, 2028), VALMONT_AGENT, null).json().get("id").asString();
        var project = http.post("/api/portfolio/projects", projectJson(roadmapId), VALMONT_AGENT, VALMONT);
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String projectId = project.json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/portfolio/projects/" + projectId, VALMONT_AGENT, null).status() == 200);

        var otherRoadmap = http.get("/api/portfolio/roadmaps/" + roadmapId, STAUBIN_AGENT, null);
        assertThat(otherRoadmap.status()).isEqualTo(404);
        assertThat(otherRoadmap.isProblem()).isTrue();
        assertThat(http.get("/api/portfolio/projects/" + projectId, STAUBIN_AGENT, null).status()).isEqualTo(404);
        assertThat(http.get("/api/portfolio/projects?size=200", STAUBIN_AGENT, null).body()).doesNotContain(projectId);
        assertThat(http.get("/api/portfolio/projects?roadmapId=" + roadmapId, VALMONT_AGENT, null).json().get("total").asLong()).isEqualTo(1);

        var onOthersRoadmap = http.post("/api/portfolio/projects", projectJson(roadmapId), STAUBIN_AGENT, null);
        assertThat(onOthersRoadmap.status()).isEqualTo(404);
        assertThat(onOthersRoadmap.isProblem()).isTrue();
    }

    @Test
    void roadmapsAreListedWithTheirProjectCountAndOnlyForTheirTenant() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        proposeProject(roadmapId, VALMONT_AGENT);
        proposeProject(roadmapId, "Téléphonie IP", VALMONT_AGENT);
        var roadmap = awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> json.get("projectsCount").asInt() == 2);
        assertThat(roadmap.get("version").asLong()).isZero();
        assertThat(roadmap.get("weights").get("risk").asInt()).isEqualTo(1);

        assertThat(http.get("/api/portfolio/roadmaps?size=200", VALMONT_AGENT, null).body()).contains(roadmapId);
        var others = http.get("/api/portfolio/roadmaps?size=200", STAUBIN_AGENT, null);
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.body()).doesNotContain(roadmapId);
        others.json().get("items").forEach(item -> assertThat(item.get("ownerId").asString()).isNotEqualTo(VALMONT));
        assertProblem(http.get("/api/portfolio/roadmaps?size=0", VALMONT_AGENT, null), 400, "size");
    }

    @Test
    void reportingJobsReadButChangeNothing() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String projectId = proposeProject(roadmapId, VALMONT_AGENT);
        awaitStatus(projectId, VALMONT_AGENT, "PROPOSED");
        String reporting = ISSUER.token("reporting", List.of(VALMONT), List.of("REPORTING"));
        long events = eventCount(roadmapId) + eventCount(projectId);

        assertThat(http.get("/api/portfolio/projects/" + projectId, reporting, null).status()).isEqualTo(200);
        assertThat(http.get("/api/portfolio/roadmaps/" + roadmapId + "/ranking", reporting, null).status()).isEqualTo(200);
        assertProblem(http.post("/api/portfolio/roadmaps", roadmapJson(2026, 2028), reporting, null), 403);
        assertProblem(http.post("/api/portfolio/projects", projectJson(roadmapId), reporting, null), 403);
        assertProblem(assess(projectId, reporting), 403);
        assertProblem(http.post("/api/portfolio/projects/" + projectId + "/cancel", "{}", reporting, null), 403);
        assertThat(eventCount(roadmapId) + eventCount(projectId)).isEqualTo(events);
    }

    @Test
    void aRoadmapLongerThanSixYearsBreaksARule() {
        var answer = http.post("/api/portfolio/roadmaps", roadmapJson(2026, 2032), VALMONT_AGENT, null);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail").asString()).contains("6 years");
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() {
        long events = eventCount();
        assertBadRequest(http.post("/api/portfolio/roadmaps", "{\"title\": \"x\", ", VALMONT_AGENT, null), "Malformed JSON");
        assertBadRequest(http.post("/api/portfolio/roadmaps",
                "{\"title\":\"SDN\",\"startYear\":\"deux mille\",\"endYear\":2028,\"axes\":[\"OPEN_DATA\"]}", VALMONT_AGENT, null), "startYear");
        assertBadRequest(http.post("/api/portfolio/roadmaps",
                "{\"title\":\"SDN\",\"startYear\":2026,\"endYear\":2028,\"axes\":[\"TELEPORTATION\"]}", VALMONT_AGENT, null), "TELEPORTATION");
        assertBadRequest(http.post("/api/portfolio/roadmaps",
                "{\"startYear\":2026,\"endYear\":2028,\"axes\":[\"OPEN_DATA\"]}", VALMONT_AGENT, null), "title");
        assertBadRequest(http.post("/api/portfolio/projects",
                projectJson("not-a-uuid"), VALMONT_AGENT, null), "roadmapId");
        assertBadRequest(http.get("/api/portfolio/projects?status=FLYING", VALMONT_AGENT, null), "status");
        assertBadRequest(http.get("/api/portfolio/projects?size=100000", VALMONT_AGENT, null), "size");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void unknownIdsAnswer404() {
        var answer = http.get("/api/portfolio/projects/" + java.util.UUID.randomUUID(), VALMONT_AGENT, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        var onUnknownRoadmap = http.post("/api/portfolio/projects", projectJson(java.util.UUID.randomUUID().toString()), VALMONT_AGENT, null);
        assertThat(onUnknownRoadmap.status()).as(onUnknownRoadmap.toString()).isEqualTo(404);
    }

    @Test
    void tokensAreCheckedByTheServiceItself() {
        List<String> tenants = List.of(VALMONT);
        List<String> roles = List.of("AGENT");
        assertUnauthenticated(http.get("/api/portfolio/projects", null, null));
        assertUnauthenticated(http.get("/api/portfolio/projects", ISSUER.expiredToken("x", tenants, roles), null));
        assertUnauthenticated(http.get("/api/portfolio/projects", ISSUER.tokenSignedByAnotherKey("x", tenants, roles), null));
        assertUnauthenticated(http.get("/api/portfolio/projects", ISSUER.tokenFromAnotherIssuer("x", tenants, roles), null));
        assertUnauthenticated(http.get("/api/portfolio/projects", ISSUER.tokenWithoutTenants("x", roles), null));
        assertUnauthenticated(http.get("/api/portfolio/projects", "not.a.jwt", null));

        var foreignTenant = http.get("/api/portfolio/projects", VALMONT_AGENT, SAINT_AUBIN);
        assertThat(foreignTenant.status()).isEqualTo(403);
        assertThat(foreignTenant.isProblem()).isTrue();

        String twoTenants = ISSUER.token("reporting", List.of(VALMONT, SAINT_AUBIN), List.of("REPORTING"));
        var noChoice = http.get("/api/portfolio/projects", twoTenants, null);
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body()).contains("X-Tenant-Id");
        assertThat(http.get("/api/portfolio/projects", twoTenants, SAINT_AUBIN).status()).isEqualTo(200);
    }

    @Test
    void everyEventRecordsWhoDidItForWhichTenantInWhichRequest() {
        var created = http.send(http.request("/api/portfolio/roadmaps", VALMONT_AGENT, null)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "trace-me-123")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(roadmapJson(2026, 2027))));
        String id = created.json().get("id").asString();
        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", id).query(String.class).single();
        assertThat(metadata).contains("\"tenantId\":\"" + VALMONT + "\"", "\"userId\":\"valmont-agent\"",
                "\"correlationId\":\"trace-me-123\"");
        assertThat(created.header("X-Correlation-Id")).contains("trace-me-123");
    }

    private static void assertBadRequest(TestHttp.Response answer, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.body()).as(answer.toString()).contains(named);
    }

    private static void assertUnauthenticated(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    @Test
    void theOpenApiDocumentsEveryMappedOperationWithItsRoles(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        var comparison = DocumentedRoles.documentedAgainstMapped(http, mappings);
        assertThat(comparison.documented()).as("operations of the OpenAPI document, against the controllers' mappings")
                .isEqualTo(comparison.mapped());
        assertThat(DocumentedRoles.operationsWithout(http)).isEmpty();
    }

    @Test
    void theOpenApiDocumentFollowsTheContractRulesAndIsTheCommittedOne() {
        CommittedApiDocument.assertFollowsTheRulesAndIsCommitted(http, "portfolio");
    }
}
