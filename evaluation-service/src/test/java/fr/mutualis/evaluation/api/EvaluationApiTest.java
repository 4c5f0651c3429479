package fr.mutualis.evaluation.api;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.DocumentedRoles;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EvaluationApiTest extends EvaluationIntegrationTest {

    static final String VALMONT = "210000022";
    static final String SAINT_AUBIN = "210000030";
    static final String VALMONT_AGENT = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
    static final String STAUBIN_AGENT = ISSUER.token("staubin-agent", List.of(SAINT_AUBIN), List.of("AGENT"));
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Test
    void anIndicatorIsDefinedAndOnlyItsTenantSeesIt() {
        var created = http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "40", "80"), VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var read = awaitIndicator(id, VALMONT_AGENT);
        assertThat(read.json().get("targetValue").asString()).isEqualTo("80");
        assertThat(read.json().get("status").asString()).isEqualTo("NO_DATA");
        assertThat(read.header("ETag")).isPresent();

        var foreign = http.get("/api/evaluation/indicators/" + id, STAUBIN_AGENT, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(http.get("/api/evaluation/indicators/" + UUID.randomUUID(), VALMONT_AGENT, null).status()).isEqualTo(404);
        assertThat(http.get("/api/evaluation/indicators/not-a-uuid", VALMONT_AGENT, null).status()).isEqualTo(400);
    }

    @Test
    void whatACreateAnswersIsReadableInTheVeryNextRequest() {
        String siren = newSiren();
        String token = agent(siren);
        String id = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100", TODAY.minusYears(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        var read = http.get("/api/evaluation/indicators/" + id, token, null);
        assertThat(read.status()).as("GET right after 201").isEqualTo(200);

        var measured = http.send(http.request("/api/evaluation/indicators/" + id + "/measurements", token, null)
                .header("Content-Type", "application/json").header("If-Match", read.header("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(measurement(TODAY, "60"))));
        assertThat(measured.status()).as(measured.toString()).isEqualTo(201);
        var afterMeasurement = http.get("/api/evaluation/indicators/" + id, token, null);
        assertThat(afterMeasurement.json().get("version").asLong()).isEqualTo(measured.json().get("version").asLong());
        assertThat(afterMeasurement.json().get("measurements")).hasSize(1);
        assertThat(afterMeasurement.json().get("status").asString()).isEqualTo("ON_TRACK");
    }

    @Test
    void theIndicatorListIsPagedAndHoldsOnlyVisibleIndicators() {
        String siren = newSiren();
        String token = agent(siren);
        for (String name : List.of("B", "A", "C")) {
            assertThat(http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "1").replace("Part des démarches en ligne", name),
                    token, null).status()).isEqualTo(201);
        }
        var page = await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/evaluation/indicators?page=0&size=2", token, null).json(),
                answer -> answer.get("total").asLong() == 3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(http.get("/api/evaluation/indicators?page=0&size=2", token, null).header("ETag")).isPresent();
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("A");
        assertThat(http.get("/api/evaluation/indicators?page=1&size=2", token, null).json().get("items").get(0).get("name").asString())
                .isEqualTo("C");
        assertThat(http.get("/api/evaluation/indicators?scopeKind=PROJECT", token, null).json().get("total").asLong()).isZero();
        assertThat(http.get("/api/evaluation/indicators", agent(newSiren()), null).json().get("total").asLong()).isZero();
        assertBadRequest(http.get("/api/evaluation/indicators?size=0", token, null), "size");
        assertBadRequest(http.get("/api/evaluation/indicators?scopeKind=GALAXY", token, null), "scopeKind");
    }

    @Test
    void measurementsGiveTheIndicatorItsStatus() {
        String siren = newSiren();
        String token = agent(siren);
        // 0 -> 100 from a year ago to a year ahead: today the straight line expects about 50.
        String id = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100", TODAY.minusYears(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        awaitIndicator(id, token);

        var first = http.post("/api/evaluation/indicators/" + id + "/measurements", measurement(TODAY.minusMonths(6), "10"), token, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(awaitVersion(id, token, 1).json().get("status").asString()).isEqualTo("OFF_TRACK");

        assertThat(http.post("/api/evaluation/indicators/" + id + "/measurements", measurement(TODAY, "60"), token, null).status())
                .isEqualTo(201);
        var read = awaitVersion(id, token, 2).json();
        assertThat(read.get("status").asString()).isEqualTo("ON_TRACK");
        assertThat(read.get("measurements")).hasSize(2);
        assertThat(read.get("latestMeasurement").get("value").asString()).isEqualTo("60");
        assertThat(read.get("measurements").get(0).get("source").asString()).isEqualTo("Tableau de bord GRU");

        assertThat(http.post("/api/evaluation/indicators/" + id + "/measurements", measurement(TODAY, "100"), token, null).status())
                .isEqualTo(201);
        assertThat(awaitVersion(id, token, 3).json().get("status").asString()).isEqualTo("ACHIEVED");
        assertThat(recordsOn(Topics.EVALUATION, id, value -> value.contains("\"value\":100")))
                .filteredOn(value -> value.contains("evaluation.MeasurementRecorded"))
                .hasSize(3)
                .anySatisfy(value -> assertThat(value).contains("\"ownerId\":\"" + siren + "\"").contains("\"date\":\"" + TODAY + "\""));
    }

    @Test
    void aDownIndicatorIsAchievedBelowItsTarget() {
        String siren = newSiren();
        String token = agent(siren);
        String id = http.post("/api/evaluation/indicators", indicator(siren, "DOWN", "30", "10", TODAY.minusYears(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        awaitIndicator(id, token);
        http.post("/api/evaluation/indicators/" + id + "/measurements", measurement(TODAY, "20.5"), token, null);
        assertThat(awaitVersion(id, token, 1).json().get("status").asString()).isEqualTo("AT_RISK");
        http.post("/api/evaluation/indicators/" + id + "/measurements", measurement(TODAY, "9.5"), token, null);
        assertThat(awaitVersion(id, token, 2).json().get("status").asString()).isEqualTo("ACHIEVED");
    }

    @Test
    void measurementsAreRefusedWithoutChangingAnything() {
        String siren = newSiren();
        String token = agent(siren);
        String id = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100", TODAY.minusMonths(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        String path = "/api/evaluation/indicators/" + id + "/measurements";
        awaitIndicator(id, token);
        long events = events();

        assertBadRequest(http.post(path, "{\"date\": ", token, null), "Malformed");
        assertBadRequest(http.post(path, "{\"date\": \"2026-02-30\", \"value\": 1, \"source\": \"s\"}", token, null), "date");
        assertBadRequest(http.post(path, "{\"date\": \"" + TODAY + "\", \"value\": \"beaucoup\", \"source\": \"s\"}", token, null), "value");
        assertBadRequest(http.post(path, "{\"date\": \"" + TODAY + "\", \"value\": 1}", token, null), "source");
        assertBadRequest(http.post(path, "{\"value\": 1, \"source\": \"s\"}", token, null), "date");
        assertBadRequest(http.send(http.request(path, token, null).header("Content-Type", "application/json")
                .header("If-Match", "\"abc\"").POST(HttpRequest.BodyPublishers.ofString(measurement(TODAY, "1")))), "If-Match");

        var beforeBaseline = http.post(path, measurement(TODAY.minusMonths(2), "1"), token, null);
        assertThat(beforeBaseline.status()).as(beforeBaseline.toString()).isEqualTo(422);
        assertThat(beforeBaseline.json().get("type").asString()).contains("measurement-date");
        assertThat(http.post(path, measurement(TODAY.plusDays(2), "1"), token, null).status()).isEqualTo(422);

        assertThat(http.post(path, measurement(TODAY, "1"), STAUBIN_AGENT, null).status()).isEqualTo(404);
        assertThat(http.post("/api/evaluation/indicators/" + UUID.randomUUID() + "/measurements", measurement(TODAY, "1"), token, null)
                .status()).isEqualTo(404);
        String reporting = ISSUER.token("reporting-" + siren, List.of(siren), List.of("REPORTING"));
        assertThat(http.post(path, measurement(TODAY, "1"), reporting, null).status()).isEqualTo(403);
        assertThat(http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "1"), reporting, null).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedNamingItsField() {
        String siren = newSiren();
        long events = events();
        var answer = http.post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Part\\u0000des démarches", "unit": "%%",
                 "baselineValue": 1, "baselineDate": "2025-01-01", "targetValue": 2, "targetDate": "2028-01-01",
                 "direction": "UP", "frequency": "QUARTERLY"}""".formatted(siren), agent(siren), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("name");
        assertThat(events()).isEqualTo(events);
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
    void aStaleIfMatchAnswers409() {
        String siren = newSiren();
        String token = agent(siren);
        String id = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100", TODAY.minusYears(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        String etag = awaitIndicator(id, token).header("ETag").orElseThrow();
        String path = "/api/evaluation/indicators/" + id + "/measurements";
        var matching = http.send(http.request(path, token, null).header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(measurement(TODAY, "20"))));
        assertThat(matching.status()).as(matching.toString()).isEqualTo(201);
        long events = events();
        var stale = http.send(http.request(path, token, null).header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(measurement(TODAY, "30"))));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void mutualisationIndicatorsAreDefinedByItsAdministratorsAndSeenByItsMembers() {
        String epci = newSiren();
        String member = newSiren();
        String outsider = newSiren();
        UUID mutualisation = mutualisation(epci, List.of(member));
        String body = indicator(mutualisation.toString(), "UP", "1", "10").replace("\"TENANT\"", "\"MUTUALISATION\"");

        long events = events();
        assertThat(http.post("/api/evaluation/indicators", body, agent(epci), null).status()).isEqualTo(403);
        assertThat(http.post("/api/evaluation/indicators", body, sharedServiceAdmin(member), null).status()).isEqualTo(403);
        assertNotFoundNaming(http.post("/api/evaluation/indicators", body, sharedServiceAdmin(outsider), null), "scopeId");
        assertNotFoundNaming(http.post("/api/evaluation/indicators", body.replace(mutualisation.toString(), UUID.randomUUID().toString()),
                sharedServiceAdmin(epci), null), "scopeId");
        assertBadRequest(http.post("/api/evaluation/indicators", body.replace(mutualisation.toString(), "pas-un-uuid"),
                sharedServiceAdmin(epci), null), "scopeId");
        assertThat(events()).isEqualTo(events);

        var created = http.post("/api/evaluation/indicators", body, sharedServiceAdmin(epci), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var seen = awaitIndicator(id, agent(member));
        assertThat(seen.json().get("ownerId").asString()).isEqualTo(mutualisation.toString());
        assertThat(http.get("/api/evaluation/indicators/" + id, agent(epci), null).status()).isEqualTo(200);
        assertThat(http.get("/api/evaluation/indicators/" + id, agent(outsider), null).status()).isEqualTo(404);

        var memberList = http.get("/api/evaluation/indicators?scopeKind=MUTUALISATION", agent(member), null).json();
        assertThat(memberList.get("total").asLong()).isEqualTo(1);
        assertThat(memberList.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(memberList.get("items").get(0).get("status").asString()).isEqualTo("NO_DATA");
        assertThat(http.get("/api/evaluation/indicators", agent(outsider), null).json().get("total").asLong()).isZero();

        String path = "/api/evaluation/indicators/" + id + "/measurements";
        assertThat(http.post(path, measurement(TODAY, "2"), agent(member), null).status()).isEqualTo(403);
        assertThat(http.post(path, measurement(TODAY, "2"), agent(outsider), null).status()).isEqualTo(404);
        assertThat(http.post(path, measurement(TODAY, "2"), sharedServiceAdmin(epci), null).status()).isEqualTo(201);
    }

    @Test
    void roadmapAndProjectIndicatorsBelongToWhoeverOwnsTheirScope() {
        String siren = newSiren();
        UUID roadmap = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(siren, roadmap, 0, new RoadmapDrafted(roadmap, siren, "SDN", 2026, 2028, List.of("OPEN_DATA"))));
        send(Topics.PORTFOLIO, envelope(siren, project, 0, new ProjectProposed(project, roadmap, siren, "Portail", "OPEN_DATA",
                "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0, 0)));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM portfolio_project WHERE project_id = :id")
                .param("id", project).query(Long.class).single() == 1);
        String forRoadmap = indicator(roadmap.toString(), "UP", "1", "2").replace("\"TENANT\"", "\"ROADMAP\"");
        String forProject = indicator(project.toString(), "UP", "1", "2").replace("\"TENANT\"", "\"PROJECT\"");
        assertThat(http.post("/api/evaluation/indicators", forRoadmap, agent(siren), null).status()).isEqualTo(201);
        assertThat(http.post("/api/evaluation/indicators", forProject, agent(siren), null).status()).isEqualTo(201);
        // Another tenant's project is unknown to Saint-Aubin; a roadmap is not a project.
        assertNotFoundNaming(http.post("/api/evaluation/indicators", forProject, STAUBIN_AGENT, null), "scopeId");
        var roadmapAsProject = http.post("/api/evaluation/indicators", forRoadmap.replace("\"ROADMAP\"", "\"PROJECT\""),
                agent(siren), null);
        assertThat(roadmapAsProject.status()).as(roadmapAsProject.toString()).isEqualTo(422);
        assertThat(roadmapAsProject.json().get("errors").get(0).get("field").asString()).isEqualTo("scopeId");
    }

    /** A mutualisation's project: its EPCI's administrators measure it, a member sees it (403), an outsider does not (404). */
    @Test
    void aMutualisationsProjectIsMeasuredByItsAdministrators() {
        String epci = newSiren();
        String member = newSiren();
        String outsider = newSiren();
        UUID mutualisation = mutualisation(epci, List.of(member));
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(mutualisation.toString(), project, 0, new ProjectProposed(project, UUID.randomUUID(),
                mutualisation.toString(), "SIG mutualisé", "OPEN_DATA", "INFRASTRUCTURE", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), 0, 0)));
        String forProject = indicator(project.toString(), "UP", "1", "2").replace("\"TENANT\"", "\"PROJECT\"");
        var created = http.post("/api/evaluation/indicators", forProject, sharedServiceAdmin(epci), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(awaitIndicator(created.json().get("id").asString(), agent(member)).json().get("ownerId").asString())
                .isEqualTo(mutualisation.toString());
        assertThat(http.post("/api/evaluation/indicators", forProject, agent(member), null).status()).isEqualTo(403);
        assertNotFoundNaming(http.post("/api/evaluation/indicators", forProject, sharedServiceAdmin(outsider), null), "scopeId");
    }

    @Test
    void rulesAnswer422AndUnknownScopes404() {
        long events = events();
        var otherTenantScope = http.post("/api/evaluation/indicators", indicator(SAINT_AUBIN, "UP", "40", "80"), VALMONT_AGENT, null);
        assertThat(otherTenantScope.status()).isEqualTo(422);
        var wrongDirection = http.post("/api/evaluation/indicators", indicator(VALMONT, "DOWN", "40", "80"), VALMONT_AGENT, null);
        assertThat(wrongDirection.status()).isEqualTo(422);
        assertThat(wrongDirection.isProblem()).isTrue();
        var unknownProject = http.post("/api/evaluation/indicators",
                indicator(VALMONT, "UP", "1", "2").replace("\"TENANT\"", "\"PROJECT\"").replace("\"" + VALMONT + "\"", "\"" + UUID.randomUUID() + "\""),
                VALMONT_AGENT, null);
        assertNotFoundNaming(unknownProject, "scopeId");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void badInputAnswers400AndStoresNothing() {
        long events = events();
        assertBadRequest(http.post("/api/evaluation/indicators", "{\"name\": ", VALMONT_AGENT, null), "Malformed");
        assertBadRequest(http.post("/api/evaluation/indicators", "[]", VALMONT_AGENT, null), "wrong shape");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "SIDEWAYS", "1", "2"), VALMONT_AGENT, null), "direction");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "\"beaucoup\"", "2").replace("\"\"beaucoup\"\"", "\"beaucoup\""), VALMONT_AGENT, null), "baselineValue");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "1", "2").replace("\"2026-01-01\"", "\"2026-13-45\""), VALMONT_AGENT, null), "baselineDate");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "1", "1e40"), VALMONT_AGENT, null), "targetValue");
        assertBadRequest(http.post("/api/evaluation/indicators", indicator(VALMONT, "UP", "1", "2").replace("\"unit\": \"%\",", ""), VALMONT_AGENT, null), "unit");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void theDashboardNeedsAValidToken() {
        assertThat(http.get("/api/evaluation/dashboard", null, null).status()).isEqualTo(401);
        assertThat(http.get("/api/evaluation/dashboard", ISSUER.expiredToken("x", List.of(VALMONT), List.of("AGENT")), null).status()).isEqualTo(401);
        assertThat(http.get("/api/evaluation/dashboard", VALMONT_AGENT, SAINT_AUBIN).status()).isEqualTo(403);
        assertThat(http.get("/api/evaluation/dashboard", VALMONT_AGENT, null).status()).isEqualTo(200);
    }

    private TestHttp.Response awaitIndicator(String id, String token) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/evaluation/indicators/" + id, token, null), answer -> answer.status() == 200);
    }

    private TestHttp.Response awaitVersion(String id, String token, long version) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/evaluation/indicators/" + id, token, null),
                        answer -> answer.status() == 200 && answer.json().get("version").asLong() == version);
    }

    /** Events written by requests; profile changes are recorded in the background for any tenant, so not counted. */
    private long events() {
        return requestEvents();
    }

    static void assertBadRequest(TestHttp.Response answer, String named) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains(named);
    }

    /** Java reads any year up to ±999,999,999: the platform's dates are 1900-01-01 to 2200-12-31, bounds included. */
    @Test
    void datesBeyondThePlausibleRangeAreRefusedNamingTheField() {
        String siren = newSiren();
        String token = agent(siren);
        String id = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100"), token, null).json().get("id").asString();
        awaitIndicator(id, token);
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01", "1899-12-31", "2201-01-01")) {
            String defined = indicator(siren, "UP", "0", "100");
            assertDateRefused(http.post("/api/evaluation/indicators", defined.replace("2026-01-01", date), token, null), "baselineDate");
            assertDateRefused(http.post("/api/evaluation/indicators", defined.replace("2028-12-31", date), token, null), "targetDate");
            assertDateRefused(http.post("/api/evaluation/indicators/" + id + "/measurements",
                    measurement(TODAY, "10").replace(TODAY.toString(), date), token, null), "date");
        }
        assertThat(http.get("/api/evaluation/indicators", token, null).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/evaluation/indicators/" + id, token, null).json().get("measurements")).isEmpty();
        assertDateRefused(http.get("/api/evaluation/dashboard?fiscalYear=-999999999", token, null), "fiscalYear");
    }

    private static void assertDateRefused(fr.mutualis.testsupport.TestHttp.Response answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(answer.toString()).containsExactly(field);
    }

    static String measurement(LocalDate date, String value) {
        return """
                {"date": "%s", "value": %s, "source": "Tableau de bord GRU"}""".formatted(date, value);
    }

    static String indicator(String scopeId, String direction, String baseline, String target) {
        return indicator(scopeId, direction, baseline, target, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
    }

    static String indicator(String scopeId, String direction, String baseline, String target, LocalDate from, LocalDate to) {
        return """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Part des démarches en ligne", "unit": "%%",
                 "baselineValue": %s, "baselineDate": "%s", "targetValue": %s, "targetDate": "%s",
                 "direction": "%s", "frequency": "QUARTERLY"}""".formatted(scopeId, baseline, from, target, to, direction);
    }

    private static void assertNotFoundNaming(TestHttp.Response answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }

    @Test
    void theOpenApiDocumentFollowsTheContractRulesAndIsTheCommittedOne() {
        CommittedApiDocument.assertFollowsTheRulesAndIsCommitted(http, "evaluation");
    }

    /** Only a mutualisation's administrators (SHARED_SERVICE_ADMIN of its administering tenant) see its members. */
    @Test
    void theMutualisationBarometerDocumentsTheOnlyRoleItAdmits() {
        var roles = http.get("/v3/api-docs", null, null).json().path("paths")
                .path("/api/evaluation/barometer/mutualisations/{id}").path("get").path("x-roles");
        assertThat(roles.toString()).isEqualTo("[\"SHARED_SERVICE_ADMIN\"]");
    }
}
