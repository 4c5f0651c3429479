package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.DocumentedRoles;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BudgetApiTest extends BudgetIntegrationTest {

    @Test
    void aLineIsOpenedAndReadBackWithNothingYetVotedEngagedOrMandated() {
        UUID projectId = publishedProject(VALMONT);
        var created = http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciel financier",
                 "projectId": "%s", "plannedCents": 15000000}""".formatted(projectId), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/budget/lines/" + id));

        var read = await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/budget/lines/" + id, VALMONT_AGENT, null),
                response -> response.status() == 200);
        var line = read.json();
        assertThat(line.get("id").asString()).isEqualTo(id);
        assertThat(line.get("ownerId").asString()).isEqualTo(VALMONT);
        assertThat(line.get("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(line.get("section").asString()).isEqualTo("INVESTMENT");
        assertThat(line.get("chapter").asString()).isEqualTo("20");
        assertThat(line.get("label").asString()).isEqualTo("Logiciel financier");
        assertThat(line.get("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(line.get("plannedCents").asLong()).isEqualTo(15_000_000L);
        assertThat(line.get("votedCents").asLong()).isZero();
        assertThat(line.get("engagedCents").asLong()).isZero();
        assertThat(line.get("mandatedCents").asLong()).isZero();
        assertThat(line.get("version").asLong()).isZero();
        assertThat(read.header("ETag")).contains("\"0\"");
    }

    @Test
    void anotherTenantNeitherReadsNorListsTheLine() {
        var created = http.post("/api/budget/lines", line(2027, "OPERATING", "011", 1_800_000), VALMONT_AGENT, VALMONT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/budget/lines/" + id, VALMONT_AGENT, null).status() == 200);

        var other = http.get("/api/budget/lines/" + id, STAUBIN_AGENT, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(http.get("/api/budget/lines?size=200", STAUBIN_AGENT, null).body()).doesNotContain(id);

        var mine = http.get("/api/budget/lines?fiscalYear=2027&section=OPERATING", VALMONT_AGENT, null).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(mine.get("page").asInt()).isZero();
        assertThat(mine.get("size").asInt()).isEqualTo(50);
        assertThat(http.get("/api/budget/lines?fiscalYear=2027&section=INVESTMENT", VALMONT_AGENT, null).json()
                .get("total").asLong()).isZero();
    }

    @Test
    void aChapterOutsideItsSectionBreaksARuleNamingTheAcceptedChapters() {
        long events = eventCount();
        var answer = http.post("/api/budget/lines", line(2026, "INVESTMENT", "012", 100), VALMONT_AGENT, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asString()).endsWith("/chapter-section");
        assertThat(answer.json().get("detail").asString()).contains("012", "20, 204, 21, 23");

        var operating = http.post("/api/budget/lines", line(2026, "OPERATING", "21", 100), VALMONT_AGENT, null);
        assertThat(operating.status()).isEqualTo(422);
        assertThat(operating.json().get("detail").asString()).contains("011, 012, 65");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() {
        long events = eventCount();
        assertBadRequest(http.post("/api/budget/lines", "{\"fiscalYear\": 2026, ", VALMONT_AGENT, null), "Malformed JSON");
        assertBadRequest(http.post("/api/budget/lines", """
                {"fiscalYear": "deux mille", "section": "OPERATING", "chapter": "011", "label": "x", "plannedCents": 1}""",
                VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.post("/api/budget/lines", line(2026, "CAPITAL", "20", 1), VALMONT_AGENT, null), "section");
        assertBadRequest(http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "OPERATING", "chapter": "011", "plannedCents": 1}""", VALMONT_AGENT, null), "label");
        assertBadRequest(http.post("/api/budget/lines", line(2026, "OPERATING", "011", -1), VALMONT_AGENT, null), "plannedCents");
        assertBadRequest(http.post("/api/budget/lines", line(2026, "OPERATING", "011", 1_000_000_000_001L), VALMONT_AGENT, null), "plannedCents");
        assertBadRequest(http.post("/api/budget/lines", line(1999, "OPERATING", "011", 1), VALMONT_AGENT, null), "fiscalYear");
        assertBadRequest(http.post("/api/budget/lines", line(2026, "OPERATING", "chapitre", 1), VALMONT_AGENT, null), "chapter");
        assertBadRequest(http.get("/api/budget/lines?section=CAPITAL", VALMONT_AGENT, null), "section");
        assertBadRequest(http.get("/api/budget/lines?size=100000", VALMONT_AGENT, null), "size");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void unknownIdsAnswer404() {
        var answer = http.get("/api/budget/lines/" + UUID.randomUUID(), VALMONT_AGENT, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void tokensAreCheckedByTheServiceItself() {
        List<String> tenants = List.of(VALMONT);
        List<String> roles = List.of("AGENT");
        assertUnauthenticated(http.get("/api/budget/lines", null, null));
        assertUnauthenticated(http.get("/api/budget/lines", ISSUER.expiredToken("x", tenants, roles), null));
        assertUnauthenticated(http.get("/api/budget/lines", ISSUER.tokenSignedByAnotherKey("x", tenants, roles), null));
        assertUnauthenticated(http.get("/api/budget/lines", ISSUER.tokenFromAnotherIssuer("x", tenants, roles), null));
        assertUnauthenticated(http.post("/api/budget/lines", line(2026, "OPERATING", "011", 1), null, null));

        var foreignTenant = http.get("/api/budget/lines", VALMONT_AGENT, SAINT_AUBIN);
        assertThat(foreignTenant.status()).isEqualTo(403);
        assertThat(foreignTenant.isProblem()).isTrue();
        var foreignWrite = http.post("/api/budget/lines", line(2026, "OPERATING", "011", 1), VALMONT_AGENT, SAINT_AUBIN);
        assertThat(foreignWrite.status()).isEqualTo(403);
    }

    @Test
    void everyBudgetEndpointNeedsAValidToken() {
        String id = UUID.randomUUID().toString();
        String expired = ISSUER.expiredToken("x", List.of(VALMONT), List.of("AGENT"));
        for (String token : java.util.Arrays.asList(null, expired)) {
            assertUnauthenticated(http.get("/api/budget/lines/" + id, token, null));
            assertUnauthenticated(http.post("/api/budget/votes", "{}", token, null));
            assertUnauthenticated(http.post("/api/budget/lines/" + id + "/engagements", "{}", token, null));
            assertUnauthenticated(http.get("/api/budget/engagements/" + id, token, null));
            assertUnauthenticated(http.post("/api/budget/engagements/" + id + "/mandates", "{}", token, null));
            assertUnauthenticated(http.get("/api/budget/mandates/" + id, token, null));
            assertUnauthenticated(http.post("/api/budget/programmes", "{}", token, null));
            assertUnauthenticated(http.get("/api/budget/programmes/" + id, token, null));
            assertUnauthenticated(http.post("/api/budget/programmes/" + id + "/revisions", "{}", token, null));
            assertUnauthenticated(http.post("/api/budget/mutualisations/" + id + "/allocations", "{}", token, null));
            assertUnauthenticated(http.get("/api/budget/mutualisations/" + id + "/allocations?fiscalYear=2026", token, null));
            assertUnauthenticated(http.get("/api/budget/summary?fiscalYear=2026", token, null));
            assertUnauthenticated(http.get("/api/budget/exports/scdl?fiscalYear=2026&stage=BP", token, null));
        }
    }

    @Test
    void reportingReadsTheBudgetButWritesNothing() {
        directoryHasTheDemoTerritory();
        String reporting = ISSUER.token("valmont-reporting", List.of(VALMONT), List.of("REPORTING"));
        String lineId = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 500_000);
        assertThat(http.get("/api/budget/lines/" + lineId, reporting, null).status()).isEqualTo(200);
        assertThat(http.get("/api/budget/summary?fiscalYear=2026", reporting, null).status()).isEqualTo(200);
        assertThat(http.get("/api/budget/exports/scdl?fiscalYear=2026&stage=BP", reporting, null).status()).isEqualTo(200);
        long events = eventCount();
        String id = UUID.randomUUID().toString();
        List<TestHttp.Response> writes = List.of(
                http.post("/api/budget/lines", line(2026, "INVESTMENT", "20", 1), reporting, null),
                http.post("/api/budget/votes", """
                        {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1}]}"""
                        .formatted(lineId), reporting, null),
                http.post("/api/budget/lines/" + lineId + "/engagements", spending(1, "BC", "2026-05-04"), reporting, null),
                http.post("/api/budget/engagements/" + id + "/mandates", spending(1, "M", "2026-05-04"), reporting, null),
                http.post("/api/budget/programmes", """
                        {"label": "P", "chapter": "20", "amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}]}""",
                        reporting, null),
                http.post("/api/budget/programmes/" + id + "/revisions", """
                        {"amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}], "reason": "r"}""", reporting, null),
                http.post("/api/budget/mutualisations/" + id + "/allocations", "{\"fiscalYear\": 2026, \"costCents\": 1}",
                        reporting, null));
        assertThat(writes).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        });
        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(lineId, VALMONT_AGENT).get("engagedCents").asLong()).isZero();
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedNamingItsField() {
        long events = eventCount();
        assertBadRequest(http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logi\\u0000ciel",
                 "plannedCents": 1}""", VALMONT_AGENT, null), "label");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aFractionOfACentIsRefusedNamingTheFieldRatherThanTruncated() {
        String lineId = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 500_000);
        long events = eventCount();
        assertBadRequest(http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciel",
                 "plannedCents": 100.7}""", VALMONT_AGENT, null), "plannedCents");
        assertBadRequest(http.post("/api/budget/lines/" + lineId + "/engagements", """
                {"amountCents": 1.5, "reference": "BC", "date": "2026-05-04"}""", VALMONT_AGENT, null), "amountCents");
        assertBadRequest(http.post("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BS", "lines": [{"lineId": "%s", "creditsCents": 600000.5}]}"""
                .formatted(lineId), VALMONT_AGENT, null), "creditsCents");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theOpenApiDocumentsEveryMappedOperationWithItsRoles(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        var comparison = DocumentedRoles.documentedAgainstMapped(http, mappings);
        assertThat(comparison.documented()).as("operations of the OpenAPI document, against the controllers' mappings")
                .isEqualTo(comparison.mapped());
        assertThat(DocumentedRoles.operationsWithout(http)).isEmpty();
    }

    private static void assertUnauthenticated(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    static String line(int fiscalYear, String section, String chapter, long plannedCents) {
        return """
                {"fiscalYear": %d, "section": "%s", "chapter": "%s", "label": "Abonnements et maintenance",
                 "plannedCents": %d}""".formatted(fiscalYear, section, chapter, plannedCents);
    }

    @Test
    void theOpenApiDocumentFollowsTheContractRulesAndIsTheCommittedOne() {
        CommittedApiDocument.assertFollowsTheRulesAndIsCommitted(http, "budget");
    }
}
