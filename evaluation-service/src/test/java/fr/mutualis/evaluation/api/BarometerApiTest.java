package fr.mutualis.evaluation.api;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static fr.mutualis.evaluation.api.EvaluationApiTest.assertBadRequest;
import static fr.mutualis.evaluation.api.EvaluationApiTest.indicator;
import static fr.mutualis.evaluation.api.EvaluationApiTest.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Self-assessment, the barometer from every context's events, its profile changes on Kafka, and the dashboards. */
class BarometerApiTest extends EvaluationIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Test
    void aCollectiviteBecomesAnObserverThenLosesTheProfileAndEachChangeIsPublished() {
        String siren = newSiren();
        String token = agent(siren);
        var before = http.get("/api/evaluation/barometer", token, null).json();
        assertThat(before.get("siren").asString()).isEqualTo(siren);
        assertThat(before.get("profile").asString()).isEqualTo("UNCLASSIFIED");
        assertThat(before.get("nearestProfile").asString()).isEqualTo("EXPLORER");
        assertThat(before.get("missing").toString()).isEqualTo("[\"AXES\",\"ROLES\"]");
        assertThat(before.get("axesThreshold").asInt()).isEqualTo(6);

        approvedProject(siren, "E_INCLUSION");
        var declared = http.put("/api/evaluation/self-assessment", "{\"roles\": [], \"communication\": [\"TOP_DOWN\"]}", token, null);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.header("ETag")).isPresent();

        JsonNode observer = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.get("/api/evaluation/barometer", token, null).json(),
                barometer -> barometer.get("profile").asString().equals("OBSERVER"));
        assertThat(observer.get("criteria").get("axes").toString()).isEqualTo("[\"E_INCLUSION\"]");
        assertThat(observer.get("criteria").get("communication").toString()).isEqualTo("[\"TOP_DOWN\"]");
        assertThat(observer.get("criteria").get("plan").asBoolean()).isFalse();
        assertThat(observer.has("nearestProfile")).isFalse();
        assertThat(recordsOn(Topics.EVALUATION, siren, value -> value.contains("\"profile\":\"OBSERVER\"")))
                .anySatisfy(value -> assertThat(value).contains("evaluation.BarometerProfileChanged")
                        .contains("\"previousProfile\":\"UNCLASSIFIED\"").contains("\"profile\":\"OBSERVER\""));

        // A monitoring device is not part of the observer's row.
        String indicator = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "10", TODAY.minusYears(1), TODAY.plusYears(1)),
                token, null).json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/evaluation/indicators/" + indicator, token, null).status() == 200);
        assertThat(http.post("/api/evaluation/indicators/" + indicator + "/measurements", measurement(TODAY.minusMonths(11), "4"), token, null)
                .status()).isEqualTo(201);
        JsonNode evaluated = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.get("/api/evaluation/barometer", token, null).json(),
                barometer -> barometer.get("criteria").get("evaluation").asBoolean());
        assertThat(evaluated.get("profile").asString()).isEqualTo("UNCLASSIFIED");
        assertThat(evaluated.get("nearestProfile").asString()).isEqualTo("OBSERVER");
        assertThat(evaluated.get("missing").toString()).isEqualTo("[\"EVALUATION\"]");
        assertThat(recordsOn(Topics.EVALUATION, siren, value -> value.contains("\"previousProfile\":\"OBSERVER\"")))
                .anySatisfy(value -> assertThat(value).contains("\"profile\":\"UNCLASSIFIED\"").contains("\"nearestProfile\":\"OBSERVER\""));
    }

    @Test
    void theSelfAssessmentIsValidatedAndVersioned() {
        String siren = newSiren();
        String token = agent(siren);
        long events = events();
        assertBadRequest(http.put("/api/evaluation/self-assessment", "{\"roles\": [\"WIZARD\"], \"communication\": []}", token, null), "roles");
        assertBadRequest(http.put("/api/evaluation/self-assessment", "{\"roles\": [\"DPO\"]}", token, null), "communication");
        assertBadRequest(http.put("/api/evaluation/self-assessment", "{\"roles\": \"DPO\", \"communication\": []}", token, null), "roles");
        assertBadRequest(http.put("/api/evaluation/self-assessment", "{\"roles\": [null], \"communication\": []}", token, null), "roles");
        assertBadRequest(http.put("/api/evaluation/self-assessment", "{\"roles\": [], \"communication\": [\"SMOKE_SIGNALS\"]}", token, null),
                "communication");
        assertThat(events()).isEqualTo(events);
        assertThat(http.get("/api/evaluation/self-assessment", token, null).json().get("roles")).isEmpty();

        var first = http.put("/api/evaluation/self-assessment",
                "{\"roles\": [\"DPO\", \"CHIEF_DATA_OFFICER\"], \"communication\": [\"SOCIAL\", \"TOP_DOWN\"]}", token, null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag").orElseThrow();
        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/evaluation/self-assessment", token, null),
                answer -> answer.header("ETag").filter(etag::equals).isPresent()).json();
        assertThat(read.get("roles").toString()).isEqualTo("[\"DPO\",\"CHIEF_DATA_OFFICER\"]");
        assertThat(read.get("communication").toString()).isEqualTo("[\"TOP_DOWN\",\"SOCIAL\"]");
        assertThat(http.get("/api/evaluation/self-assessment", agent(newSiren()), null).json().get("roles")).isEmpty();

        var second = put(token, etag, "{\"roles\": [\"DPO\"], \"communication\": []}");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        long afterSecond = events();
        var stale = put(token, etag, "{\"roles\": [], \"communication\": []}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(events()).isEqualTo(afterSecond);
        String reporting = ISSUER.token("reporting-" + siren, List.of(siren), List.of("REPORTING"));
        assertThat(http.put("/api/evaluation/self-assessment", "{\"roles\": [], \"communication\": []}", reporting, null).status())
                .isEqualTo(403);
    }

    @Test
    void aMutualisationsAdministratorsSeeEveryMembersBarometerAndDashboard() {
        String epci = newSiren();
        String member = newSiren();
        String outsider = newSiren();
        send(Topics.GOVERNANCE, envelope(member, member, 0, new CollectiviteRegistered(member, "Saint-Aubin", "COMMUNE", 12_000, epci)));
        UUID mutualisation = mutualisation(epci, List.of(member));
        UUID sharedLine = UUID.randomUUID();
        send(Topics.BUDGET, envelope(mutualisation.toString(), sharedLine, 0, new BudgetLineOpened(sharedLine, mutualisation.toString(),
                TODAY.getYear(), "OPERATING", "011", "SIG mutualisé", null, 500_000)));
        approvedProject(member, "OPEN_DATA");

        String barometers = "/api/evaluation/barometer/mutualisations/" + mutualisation;
        JsonNode view = await().atMost(Duration.ofSeconds(15)).until(() -> http.get(barometers, sharedServiceAdmin(epci), null),
                answer -> answer.status() == 200 && answer.body().contains("OPEN_DATA")).json();
        assertThat(view.get("members")).hasSize(1);
        assertThat(view.get("members").get(0).get("siren").asString()).isEqualTo(member);
        assertThat(http.get(barometers, agent(epci), null).status()).isEqualTo(403);
        assertThat(http.get(barometers, sharedServiceAdmin(member), null).status()).isEqualTo(403);
        assertThat(http.get(barometers, sharedServiceAdmin(outsider), null).status()).isEqualTo(404);
        assertThat(http.get("/api/evaluation/barometer/mutualisations/" + UUID.randomUUID(), sharedServiceAdmin(epci), null).status())
                .isEqualTo(404);
        assertThat(http.get("/api/evaluation/barometer/mutualisations/nope", sharedServiceAdmin(epci), null).status()).isEqualTo(400);

        String dashboard = "/api/evaluation/dashboard?mutualisationId=" + mutualisation;
        JsonNode shared = await().atMost(Duration.ofSeconds(15)).until(() -> http.get(dashboard, sharedServiceAdmin(epci), null).json(),
                answer -> answer.get("budget").get("operating").get("plannedCents").asLong() == 500_000);
        assertThat(shared.get("ownerId").asString()).isEqualTo(mutualisation.toString());
        assertThat(shared.get("memberBarometers").get(0).get("name").asString()).isEqualTo("Saint-Aubin");
        assertThat(shared.has("barometer")).isFalse();
        assertThat(http.get(dashboard, sharedServiceAdmin(member), null).status()).isEqualTo(403);
        assertThat(http.get(dashboard, sharedServiceAdmin(outsider), null).status()).isEqualTo(404);
        // The shared line is not the EPCI's own.
        assertThat(http.get("/api/evaluation/dashboard", sharedServiceAdmin(epci), null).json().get("budget").get("operating")
                .get("plannedCents").asLong()).isZero();
    }

    @Test
    void theDashboardHasEverySectionAndValidatesItsParameters() {
        String siren = newSiren();
        var answer = http.get("/api/evaluation/dashboard", agent(siren), null);
        assertThat(answer.header("ETag")).isPresent();
        assertThat(http.get("/api/evaluation/barometer", agent(siren), null).header("ETag")).isPresent();
        JsonNode dashboard = answer.json();
        assertThat(dashboard.get("fiscalYear").asInt()).isEqualTo(TODAY.getYear());
        assertThat(dashboard.get("ownerId").asString()).isEqualTo(siren);
        assertThat(dashboard.get("budget").get("investment").get("votedCents").asLong()).isZero();
        assertThat(dashboard.get("schedule").get("milestones").asLong()).isZero();
        assertThat(dashboard.get("governance").get("instances")).isEmpty();
        assertThat(dashboard.get("indicators").get("byStatus").get("NO_DATA").asLong()).isZero();
        assertThat(dashboard.get("barometer").get("profile").asString()).isEqualTo("UNCLASSIFIED");
        assertBadRequest(http.get("/api/evaluation/dashboard?fiscalYear=douze", agent(siren), null), "fiscalYear");
        assertBadRequest(http.get("/api/evaluation/dashboard?fiscalYear=1815", agent(siren), null), "fiscalYear");
        assertBadRequest(http.get("/api/evaluation/dashboard?mutualisationId=x", agent(siren), null), "mutualisationId");
        assertThat(http.get("/api/evaluation/dashboard?mutualisationId=" + UUID.randomUUID(), agent(siren), null).status()).isEqualTo(404);
    }

    private void approvedProject(String siren, String axis) {
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(siren, project, 3, new ProjectStatusChanged(project, UUID.randomUUID(), siren, axis,
                "ASSESSED", "APPROVED", null, UUID.randomUUID(), TODAY)));
    }

    private fr.mutualis.testsupport.TestHttp.Response put(String token, String ifMatch, String body) {
        return http.send(http.request("/api/evaluation/self-assessment", token, null).header("Content-Type", "application/json")
                .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Events written by requests; profile changes are recorded in the background for any tenant, so not counted. */
    private long events() {
        return requestEvents();
    }
}
