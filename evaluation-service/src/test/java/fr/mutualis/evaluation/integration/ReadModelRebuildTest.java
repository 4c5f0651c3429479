package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every read model rebuilt from the topics and the event store is the read model it replaced. */
class ReadModelRebuildTest extends EvaluationIntegrationTest {

    static final List<String> READ_MODELS = List.of("indicator_view", "indicator_measurement", "self_assessment", "barometer_profile",
            "portfolio_roadmap", "portfolio_project", "portfolio_milestone", "governance_collectivite", "governance_elected_lead",
            "governance_instance", "governance_session", "budget_line", "budget_engagement", "budget_mandate",
            "kit_mutualisation", "kit_mutualisation_member");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Test
    void aRebuildReplaysEverySourceIntoTheSameReadModels() {
        String siren = newSiren();
        String token = agent(siren);
        int year = TODAY.getYear();
        feed(siren, year);
        mutualisation(siren, List.of(newSiren()));
        String indicator = http.post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Démarches en ligne", "unit": "%%", "baselineValue": 10,
                 "baselineDate": "%s", "targetValue": 90, "targetDate": "%s", "direction": "UP", "frequency": "MONTHLY"}"""
                .formatted(siren, TODAY.minusYears(1), TODAY.plusYears(1)), token, null).json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/evaluation/indicators/" + indicator, token, null).status() == 200);
        assertThat(http.post("/api/evaluation/indicators/" + indicator + "/measurements",
                "{\"date\": \"" + TODAY + "\", \"value\": 55, \"source\": \"GRU\"}", token, null).status()).isEqualTo(201);
        assertThat(http.put("/api/evaluation/self-assessment", "{\"roles\": [\"SMART_CITY_LEAD\"], \"communication\": []}", token, null)
                .status()).isEqualTo(200);

        JsonNode before = await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(siren, year), dashboard ->
                dashboard.get("budget").get("investment").get("mandatedCents").asLong() == 2_000
                        && dashboard.get("governance").get("sessionsHeld").asLong() == 1
                        && dashboard.get("schedule").get("reached").asLong() == 1
                        && dashboard.get("indicators").get("byStatus").get("ON_TRACK").asLong() == 1
                        && dashboard.get("barometer").get("criteria").get("roles").size() == 1
                        && dashboard.get("barometer").get("criteria").get("plan").asBoolean());
        // Other tests' background effects (profile changes) settle first: the snapshot is taken once it stops moving.
        AtomicReference<Map<String, List<Map<String, Object>>>> previous = new AtomicReference<>();
        Map<String, List<Map<String, Object>>> tablesBefore = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(700))
                .until(() -> {
                    var now = readModels();
                    boolean settled = now.equals(previous.getAndSet(now))
                            && jdbc.sql("SELECT count(*) FROM barometer_pending").query(Long.class).single() == 0;
                    return settled ? now : null;
                }, Objects::nonNull);

        String platformAdmin = ISSUER.token("platform-admin", List.of(siren), List.of("PLATFORM_ADMIN"));
        assertThat(http.post("/api/evaluation/admin/rebuild", "", token, null).status()).isEqualTo(403);
        var started = http.post("/api/evaluation/admin/rebuild", "", platformAdmin, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isEqualTo("RUNNING");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.get("/api/evaluation/admin/rebuild", platformAdmin, null).json(),
                status -> status.get("state").asString().equals("COMPLETED"));
        List<JsonNode> consumers = done.get("parts").valueStream()
                .filter(part -> part.get("source").asString().startsWith("topic ")).toList();
        assertThat(consumers).hasSize(4);
        consumers.forEach(consumer -> assertThat(consumer.get("position").asLong()).isEqualTo(consumer.get("target").asLong()));
        assertThat(consumers.get(0).get("target").asLong()).isPositive();
        assertThat(done.get("percent").asInt()).isEqualTo(100);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readModels()).isEqualTo(tablesBefore));
        assertThat(dashboard(siren, year)).isEqualTo(before);
        assertThat(http.get("/api/evaluation/barometer", token, null).json()).isEqualTo(before.get("barometer"));
    }

    private void feed(String siren, int year) {
        UUID roadmap = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(siren, roadmap, 0, new RoadmapDrafted(roadmap, siren, "SDN", year, year + 2, List.of("SMART_CITY"))));
        send(Topics.PORTFOLIO, envelope(siren, roadmap, 1, new RoadmapAdopted(roadmap, siren, UUID.randomUUID(), TODAY, year, year + 2)));
        send(Topics.PORTFOLIO, envelope(siren, project, 0, new ProjectProposed(project, roadmap, siren, "Capteurs", "SMART_CITY",
                "INFRASTRUCTURE", TODAY, TODAY.plusYears(1), 1_000, 500)));
        send(Topics.PORTFOLIO, envelope(siren, project, 1, new ProjectStatusChanged(project, roadmap, siren, "SMART_CITY", "PROPOSED",
                "APPROVED", null, UUID.randomUUID(), TODAY)));
        send(Topics.PORTFOLIO, envelope(siren, project, 2, new MilestonePlanned(project, milestone, siren, "Lancement", LocalDate.of(year, 1, 10))));
        send(Topics.PORTFOLIO, envelope(siren, project, 3, new MilestoneReached(project, milestone, siren, LocalDate.of(year, 1, 10),
                LocalDate.of(year, 1, 15))));
        UUID instance = UUID.randomUUID();
        send(Topics.GOVERNANCE, envelope(siren, siren, 0, new ElectedLeadDesignated(siren, "Élue au numérique")));
        send(Topics.GOVERNANCE, envelope(siren, instance, 0, new InstanceCreated(instance, siren, "Comité", "STRATEGIC_COMMITTEE", "ANNUAL")));
        send(Topics.GOVERNANCE, envelope(siren, instance, 1, new SessionClosed(UUID.randomUUID(), instance, siren, LocalDate.of(year, 1, 2), 3)));
        UUID line = UUID.randomUUID();
        UUID engagement = UUID.randomUUID();
        send(Topics.BUDGET, envelope(siren, line, 0, new BudgetLineOpened(line, siren, year, "INVESTMENT", "21", "Capteurs", project, 10_000)));
        send(Topics.BUDGET, envelope(siren, line, 1, new CreditsVoted(line, siren, year, "INVESTMENT", "BP", 9_000)));
        send(Topics.BUDGET, envelope(siren, line, 2, new EngagementRecorded(engagement, line, siren, year, "INVESTMENT", project, 5_000,
                "EJ", TODAY)));
        send(Topics.BUDGET, envelope(siren, line, 3, new MandateRecorded(UUID.randomUUID(), engagement, line, siren, year, "INVESTMENT",
                project, 2_000, "M", TODAY)));
    }

    private JsonNode dashboard(String siren, int year) {
        return http.get("/api/evaluation/dashboard?fiscalYear=" + year, agent(siren), null).json();
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : READ_MODELS) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows().stream()
                    .map(row -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        row.forEach((column, value) -> values.put(column, value instanceof java.sql.Array array ? arrayText(array) : value));
                        return values;
                    })
                    .toList());
        }
        return tables;
    }

    private static String arrayText(java.sql.Array array) {
        try {
            return java.util.Arrays.toString((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
