package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Milestones: planned and reached dates, and the slippage the project view shows. */
class MilestoneApiTest extends PortfolioServiceTest {

    @Test
    void milestonesArePlannedReachedAndShowTheirSlippage() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate overdue = today.minusDays(40);
        LocalDate reachedPlan = today.minusDays(30);

        var planned = http.post(milestones(projectId), milestone("Recette", reachedPlan), VALMONT_AGENT, null);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String reachedId = planned.json().get("id").asString();
        assertThat(planned.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(reachedId));
        assertThat(planned.json().get("version").asLong()).isEqualTo(1);
        String overdueId = http.post(milestones(projectId), milestone("Marché notifié", overdue), VALMONT_AGENT, null).json().get("id").asString();
        String futureId = http.post(milestones(projectId), milestone("Mise en service", today.plusDays(100)), VALMONT_AGENT, null).json().get("id").asString();

        var reached = http.post(milestones(projectId) + "/" + reachedId + "/reach",
                "{\"actualDate\": \"" + reachedPlan.plusDays(5) + "\"}", VALMONT_AGENT, null);
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.json().get("version").asLong()).isEqualTo(4);

        JsonNode project = awaitProject(projectId, VALMONT_AGENT, json -> json.get("version").asLong() == 4);
        assertThat(project.get("milestones").size()).isEqualTo(3);
        assertThat(slippage(project, overdueId)).isEqualTo(ChronoUnit.DAYS.between(overdue, today));
        assertThat(slippage(project, reachedId)).isEqualTo(5);
        assertThat(slippage(project, futureId)).isZero();
        assertThat(project.get("slippageDays").asLong()).isEqualTo(40);
        assertThat(milestone(project, reachedId).get("actualDate").asString()).isEqualTo(reachedPlan.plusDays(5).toString());
    }

    @Test
    void aMilestoneIsReachedOnceNotInTheFutureAndOnlyIfItExists() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String milestoneId = http.post(milestones(projectId), milestone("Recette", today), VALMONT_AGENT, null).json().get("id").asString();
        String reach = milestones(projectId) + "/" + milestoneId + "/reach";
        long events = eventCount(projectId);

        assertProblem(http.post(reach, "{\"actualDate\": \"" + today.plusDays(1) + "\"}", VALMONT_AGENT, null), 422, "milestone-reached-in-future");
        assertProblem(http.post(reach, "{}", VALMONT_AGENT, null), 400, "actualDate");
        assertProblem(http.post(reach, "{\"actualDate\": \"2026-13-01\"}", VALMONT_AGENT, null), 400, "actualDate");
        assertProblem(http.post(milestones(projectId) + "/" + UUID.randomUUID() + "/reach", "{\"actualDate\": \"" + today + "\"}", VALMONT_AGENT, null), 404);
        assertProblem(http.post(reach, "{\"actualDate\": \"" + today + "\"}", STAUBIN_AGENT, null), 404);
        assertThat(eventCount(projectId)).isEqualTo(events);

        assertThat(http.post(reach, "{\"actualDate\": \"" + today + "\"}", VALMONT_AGENT, null).status()).isEqualTo(200);
        assertProblem(http.post(reach, "{\"actualDate\": \"" + today + "\"}", VALMONT_AGENT, null), 409, "REACHED");
    }

    @Test
    void planningIsValidatedAndRefusedOnForeignOrFinishedProjects() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        long events = eventCount(projectId);
        assertProblem(http.post(milestones(projectId), "{\"plannedDate\": \"2026-06-30\"}", VALMONT_AGENT, null), 400, "title");
        assertProblem(http.post(milestones(projectId), "{\"title\": \"Recette\"}", VALMONT_AGENT, null), 400, "plannedDate");
        assertProblem(http.post(milestones(projectId), "{\"title\": \"Recette\", \"plannedDate\": \"bientôt\"}", VALMONT_AGENT, null), 400, "plannedDate");
        assertProblem(http.post(milestones(projectId), milestone("Recette", LocalDate.of(2026, 6, 30)), STAUBIN_AGENT, null), 404);
        assertProblem(http.post(milestones(UUID.randomUUID().toString()), milestone("Recette", LocalDate.of(2026, 6, 30)), VALMONT_AGENT, null), 404);
        assertProblem(postIfMatch(milestones(projectId), milestone("Recette", LocalDate.of(2026, 6, 30)), VALMONT_AGENT, "\"5\""), 409, "stale-version");
        assertThat(eventCount(projectId)).isEqualTo(events);

        assertThat(http.post("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, null).status()).isEqualTo(200);
        assertProblem(http.post(milestones(projectId), milestone("Recette", LocalDate.of(2026, 6, 30)), VALMONT_AGENT, null), 409, "CANCELLED");
    }

    /** Java reads any year up to ±999,999,999; the platform's dates are 1900-01-01 to 2200-12-31, bounds included. */
    @Test
    void datesBeyondThePlausibleRangeAreRefusedNamingTheField() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        String milestoneId = http.post(milestones(projectId), milestone("Recette", LocalDate.of(2026, 6, 30)), VALMONT_AGENT, null)
                .json().get("id").asString();
        long events = eventCount(projectId);
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01", "1899-12-31", "2201-01-01")) {
            assertDateRefused(http.post(milestones(projectId), "{\"title\": \"Recette\", \"plannedDate\": \"" + date + "\"}",
                    VALMONT_AGENT, null), "plannedDate");
            assertDateRefused(http.post(milestones(projectId) + "/" + milestoneId + "/reach", "{\"actualDate\": \"" + date + "\"}",
                    VALMONT_AGENT, null), "actualDate");
        }
        String roadmapId = createRoadmap(VALMONT_AGENT);
        assertDateRefused(http.post("/api/portfolio/projects", projectJson(roadmapId).replace("2026-03-01", "-999999999-01-01"),
                VALMONT_AGENT, null), "plannedStart");
        assertDateRefused(http.post("/api/portfolio/projects", projectJson(roadmapId).replace("2026-12-31", "2201-01-01"),
                VALMONT_AGENT, null), "plannedEnd");
        assertThat(eventCount(projectId)).isEqualTo(events);

        assertThat(http.post(milestones(projectId), milestone("Origine", LocalDate.of(1900, 1, 1)), VALMONT_AGENT, null).status())
                .isEqualTo(201);
        assertThat(http.post(milestones(projectId), milestone("Horizon", LocalDate.of(2200, 12, 31)), VALMONT_AGENT, null).status())
                .isEqualTo(201);
        JsonNode project = awaitProject(projectId, VALMONT_AGENT, json -> json.get("milestones").size() == 3);
        assertThat(project.get("slippageDays").asLong()).isPositive();
    }

    private static void assertDateRefused(fr.mutualis.testsupport.TestHttp.Response answer, String field) {
        assertProblem(answer, 400, "between 1900-01-01 and 2200-12-31");
        assertThat(answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(answer.toString()).containsExactly(field);
    }

    private static String milestones(String projectId) {
        return "/api/portfolio/projects/" + projectId + "/milestones";
    }

    private static String milestone(String title, LocalDate planned) {
        return "{\"title\": \"%s\", \"plannedDate\": \"%s\"}".formatted(title, planned);
    }

    private static JsonNode milestone(JsonNode project, String id) {
        return project.get("milestones").valueStream().filter(m -> m.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static long slippage(JsonNode project, String id) {
        return milestone(project, id).get("slippageDays").asLong();
    }
}
