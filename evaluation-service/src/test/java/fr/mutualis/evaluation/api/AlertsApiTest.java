package fr.mutualis.evaluation.api;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.budget.ProgrammeEngaged;
import fr.mutualis.contracts.budget.ProgrammeMandated;
import fr.mutualis.contracts.budget.ProgrammeRevised;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.governance.SessionScheduled;
import fr.mutualis.contracts.portfolio.DecisionNotApplied;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.evaluation.query.AlertCause;
import fr.mutualis.evaluation.query.AlertEngine;
import fr.mutualis.evaluation.query.AlertRules;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts of DOMAIN §9 through real Kafka records and the API: each rule raises its alert and its cause going away
 * ends it; a redelivered event raises nothing twice; another tenant sees none of them. Deadline rules are raised by
 * the sweep, run here at once for the test's owner (the service runs it every five minutes); the rules
 * themselves are also asked about another day, the clock moved.
 */
class AlertsApiTest extends EvaluationIntegrationTest {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    AlertEngine engine;

    @Autowired
    AlertRules rules;

    private final LocalDate today = LocalDate.now(FRANCE);

    @Test
    void aGateOnAProposedProjectRaisesDecisionNotAppliedOnItsPageOnceUntilTheProjectIsApproved() {
        String siren = newSiren();
        UUID roadmap = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(siren, project, 0, new ProjectProposed(project, roadmap, siren, "Compte citoyen",
                "SERVICES", null, today, today.plusYears(1), 0, 0)));
        UUID decision = UUID.randomUUID();
        EventEnvelope notApplied = envelope(siren, decision, 0, new DecisionNotApplied(decision, siren, "PROJECT_GATE",
                project.toString(), "WRONG_STATE"));
        send(Topics.PORTFOLIO, notApplied);
        send(Topics.PORTFOLIO, notApplied);
        send(Topics.PORTFOLIO, envelope(siren, decision, 0, new DecisionNotApplied(decision, siren, "PROJECT_GATE",
                project.toString(), "WRONG_STATE")));

        JsonNode alert = awaitAlert(siren, "DECISION_NOT_APPLIED", project.toString(), true);
        assertThat(alert.get("subjectKind").asString()).isEqualTo("PROJECT");
        assertThat(alert.get("subjectLabel").asString()).isEqualTo("Compte citoyen");
        assertThat(alert.get("detail").asString()).contains("Compte citoyen", "n'a pas été appliquée");
        assertThat(alert.get("until").isNull()).isTrue();
        // Published on evaluation's topic, keyed by the alert.
        String alertId = alert.get("id").asString();
        assertThat(recordsOn(Topics.EVALUATION, alertId, value -> value.contains("evaluation.AlertRaised")))
                .anyMatch(value -> value.contains("evaluation.AlertRaised") && value.contains(project.toString()));
        // Another tenant sees nothing, even asking for the subject.
        assertThat(http.get("/api/evaluation/alerts?subjectId=" + project, agent(newSiren()), null).json().get("total").asLong()).isZero();

        send(Topics.PORTFOLIO, envelope(siren, project, 3, new ProjectStatusChanged(project, roadmap, siren, "SERVICES",
                "ASSESSED", "APPROVED", null, UUID.randomUUID(), today)));
        JsonNode ended = awaitAlert(siren, "DECISION_NOT_APPLIED", project.toString(), false);
        assertThat(ended.get("id").asString()).isEqualTo(alertId);
        assertThat(alerts(siren, "").get("total").asLong()).isEqualTo(1);
        assertThat(recordsOn(Topics.EVALUATION, alertId, value -> value.contains("evaluation.AlertEnded")))
                .filteredOn(value -> value.contains("evaluation.AlertRaised")).hasSize(1);
    }

    @Test
    void anArbitrationOnAnotherOwnersLineIsADecisionNotAppliedOnTheDecisionPerLine() {
        String siren = newSiren();
        UUID decision = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        send(Topics.BUDGET, envelope(siren, decision, 0, new fr.mutualis.contracts.budget.DecisionNotApplied(decision, siren,
                "BUDGET_ARBITRATION", first.toString(), "OTHER_OWNER")));
        send(Topics.BUDGET, envelope(siren, decision, 0, new fr.mutualis.contracts.budget.DecisionNotApplied(decision, siren,
                "BUDGET_ARBITRATION", second.toString(), "UNKNOWN_SUBJECT")));

        await().atMost(PATIENCE).until(() -> alerts(siren, "&kind=DECISION_NOT_APPLIED&subjectId=" + decision).get("total").asLong() == 2);
        JsonNode items = alerts(siren, "&kind=DECISION_NOT_APPLIED&subjectId=" + decision).get("items");
        assertThat(items.valueStream().map(item -> item.get("subjectKind").asString())).containsOnly("DECISION");
        assertThat(items.valueStream().map(item -> item.get("detail").asString())).anySatisfy(detail -> assertThat(detail)
                .contains("L'arbitrage budgétaire de la ligne « " + first + " »", "n'a pas autorité"));
    }

    @Test
    void aLineEngagedPastTheThresholdRaisesCreditsNearlyConsumedUntilCreditsAreVoted() {
        String siren = newSiren();
        UUID line = UUID.randomUUID();
        int year = today.getYear();
        Instant bp = Instant.now().minusSeconds(3600);
        send(Topics.BUDGET, envelope(siren, line, 0, new BudgetLineOpened(line, siren, year, "INVESTMENT", "20", "Logiciels", null, 100_000)));
        send(Topics.BUDGET, voted(siren, line, bp, 1, 100_000));
        send(Topics.BUDGET, envelope(siren, UUID.randomUUID(), 0, new EngagementRecorded(UUID.randomUUID(), line, siren, year,
                "INVESTMENT", null, 92_000, "EJ-1", today)));

        JsonNode alert = awaitAlert(siren, "CREDITS_NEARLY_CONSUMED", line.toString(), true);
        assertThat(alert.get("subjectKind").asString()).isEqualTo("BUDGET_LINE");
        assertThat(alert.get("detail").asString()).isEqualTo("92 % des crédits ouverts sont engagés (seuil 90 %)");

        // A threshold of 95 % ends it; the default again raises a new alert of the same cause, with a new id.
        TestHttp.Response set = http.put("/api/evaluation/alert-settings", "{\"creditsPercent\": 95, \"mandatedPercent\": 90}",
                agent(siren), null);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        awaitAlert(siren, "CREDITS_NEARLY_CONSUMED", line.toString(), false);
        http.put("/api/evaluation/alert-settings", "{\"creditsPercent\": 90, \"mandatedPercent\": 90}", agent(siren), null);
        JsonNode again = awaitAlert(siren, "CREDITS_NEARLY_CONSUMED", line.toString(), true);
        assertThat(again.get("id").asString()).isNotEqualTo(alert.get("id").asString());

        send(Topics.BUDGET, voted(siren, line, bp.plusSeconds(60), 2, 200_000));
        await().atMost(PATIENCE).until(() -> alerts(siren, "&open=true").get("total").asLong() == 0);
        assertThat(alerts(siren, "&kind=CREDITS_NEARLY_CONSUMED&open=false").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aProgrammeWhoseRemainingCpNoLongerCoverItsEngagementsIsShortUntilRevised() {
        String siren = newSiren();
        UUID programme = UUID.randomUUID();
        int year = today.getYear();
        // 100 000 € over two years; 80 000 engaged, 20 000 of them mandated last year: 60 000 to pay, 40 000 of CP left.
        // Engagement and mandate first (kept before their programme arrives): the alert's detail is the programme's
        // state when it is raised.
        EventEnvelope engaged = envelope(siren, programme, 1, new ProgrammeEngaged(programme, siren, UUID.randomUUID(),
                UUID.randomUUID(), 8_000_000));
        EventEnvelope mandated = envelope(siren, programme, 2, new ProgrammeMandated(programme, siren, UUID.randomUUID(),
                UUID.randomUUID(), year - 1, 2_000_000));
        send(Topics.BUDGET, engaged);
        send(Topics.BUDGET, mandated);
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_integration_event
                        WHERE consumer = 'evaluation-budget-events' AND event_id IN (:ids)""")
                .param("ids", List.of(engaged.eventId(), mandated.eventId())).query(Long.class).single() == 2);
        send(Topics.BUDGET, envelope(siren, programme, 0, new ProgrammeCreated(programme, siren, "AP Très haut débit", "21",
                "INVESTMENT", null, 10_000_000, List.of(new ProgrammeCreated.ScheduledCredit(year - 1, 6_000_000),
                new ProgrammeCreated.ScheduledCredit(year, 4_000_000)))));

        JsonNode alert = awaitAlert(siren, "CP_SHORTFALL", programme.toString(), true);
        assertThat(alert.get("subjectKind").asString()).isEqualTo("PROGRAMME");
        assertThat(alert.get("subjectLabel").asString()).isEqualTo("AP Très haut débit");
        assertThat(alert.get("detail").asString()).contains("40\u202f000,00\u00a0€", "60\u202f000,00\u00a0€");

        // A revision moving the unpaid CP to the next year covers it again; an older revision arriving late does not undo it.
        List<ProgrammeCreated.ScheduledCredit> rescheduled = List.of(new ProgrammeCreated.ScheduledCredit(year - 1, 2_000_000),
                new ProgrammeCreated.ScheduledCredit(year, 4_000_000), new ProgrammeCreated.ScheduledCredit(year + 1, 4_000_000));
        send(Topics.BUDGET, envelope(siren, programme, 4, new ProgrammeRevised(programme, siren, 2, 10_000_000, rescheduled,
                "Report des CP", UUID.randomUUID())));
        awaitAlert(siren, "CP_SHORTFALL", programme.toString(), false);
        EventEnvelope older = envelope(siren, programme, 3, new ProgrammeRevised(programme, siren, 1, 10_000_000,
                List.of(new ProgrammeCreated.ScheduledCredit(year - 1, 10_000_000)), "Ancienne révision", UUID.randomUUID()));
        send(Topics.BUDGET, older);
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_integration_event
                        WHERE consumer = 'evaluation-budget-events' AND event_id = :id""")
                .param("id", older.eventId()).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT revision FROM budget_programme WHERE programme_id = :id").param("id", programme)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void thresholdsHaveDefaultsAndRefuseWhatIsNotAPercentage() {
        String siren = newSiren();
        JsonNode defaults = http.get("/api/evaluation/alert-settings", agent(siren), null).json();
        assertThat(defaults.get("creditsPercent").asInt()).isEqualTo(90);
        assertThat(defaults.get("mandatedPercent").asInt()).isEqualTo(90);
        for (String body : List.of("{\"creditsPercent\": 0, \"mandatedPercent\": 90}", "{\"creditsPercent\": 101, \"mandatedPercent\": 90}",
                "{\"mandatedPercent\": 90}")) {
            TestHttp.Response refused = http.put("/api/evaluation/alert-settings", body, agent(siren), null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                    .containsExactly("creditsPercent");
        }
        assertThat(http.get("/api/evaluation/alert-settings", agent(siren), null).json().get("creditsPercent").asInt()).isEqualTo(90);
        TestHttp.Response badKind = http.get("/api/evaluation/alerts?kind=NOPE", agent(siren), null);
        assertThat(badKind.status()).as(badKind.toString()).isEqualTo(400);
    }

    @Test
    void aMilestonePastItsDateIsLateFromTheSweepUntilReached() {
        String siren = newSiren();
        UUID project = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        LocalDate planned = today.minusDays(1);
        send(Topics.PORTFOLIO, envelope(siren, project, 0, new ProjectProposed(project, UUID.randomUUID(), siren, "SIG mutualisé",
                "SERVICES", null, today.minusMonths(6), today.plusYears(1), 0, 0)));
        send(Topics.PORTFOLIO, envelope(siren, project, 1, new MilestonePlanned(project, milestone, siren, "Recette", planned)));
        await().atMost(PATIENCE).until(() -> count("portfolio_milestone", "milestone_id", milestone) == 1);

        // The rules, the clock moved: not late on its day, late the day after.
        assertThat(kinds(rules.causes(siren, planned, Instant.now()))).doesNotContain("MILESTONE_LATE");
        assertThat(kinds(rules.causes(siren, planned.plusDays(1), Instant.now()))).contains("MILESTONE_LATE");

        engine.sweep(siren);
        JsonNode alert = awaitAlert(siren, "MILESTONE_LATE", project.toString(), true);
        assertThat(alert.get("subjectLabel").asString()).isEqualTo("SIG mutualisé");
        assertThat(Instant.parse(alert.get("since").asString())).isEqualTo(today.atStartOfDay(FRANCE).toInstant());
        engine.sweep(siren);
        assertThat(alerts(siren, "").get("total").asLong()).isEqualTo(1);

        // Reaching it ends the alert with the event, without waiting for a sweep.
        send(Topics.PORTFOLIO, envelope(siren, project, 2, new MilestoneReached(project, milestone, siren, planned, today)));
        awaitAlert(siren, "MILESTONE_LATE", project.toString(), false);
    }

    @Test
    void anIndicatorOffTrackAtItsLastMeasurementIsAlertedUntilAMeasurementIsBackOnTrack() {
        String siren = newSiren();
        String token = agent(siren);
        TestHttp.Response created = http.post("/api/evaluation/indicators", EvaluationApiTest.indicator(siren, "UP", "0", "100",
                today.minusYears(1), today.plusYears(1)), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(http.post("/api/evaluation/indicators/" + id + "/measurements", EvaluationApiTest.measurement(today, "5"), token, null)
                .status()).isEqualTo(201);
        JsonNode alert = awaitAlert(siren, "INDICATOR_OFF_TRACK", id, true);
        assertThat(alert.get("subjectKind").asString()).isEqualTo("INDICATOR");

        assertThat(http.post("/api/evaluation/indicators/" + id + "/measurements", EvaluationApiTest.measurement(today, "60"), token, null)
                .status()).isEqualTo(201);
        awaitAlert(siren, "INDICATOR_OFF_TRACK", id, false);
    }

    @Test
    void aSeanceConvenedTooLateIsShortNoticeUntilHeldAndASeanceWithoutMinutesIsLate() {
        // A commune of 3,499 inhabitants: 3 jours francs. Convened today for the day after tomorrow: 1.
        String siren = newSiren();
        send(Topics.GOVERNANCE, envelope(siren, siren, 0, new CollectiviteRegistered(siren, "Les Aulnes", "COMMUNE", 3_499, null)));
        await().atMost(PATIENCE).until(() -> count("kit_collectivite", "siren", siren) == 1);
        UUID instance = UUID.randomUUID();
        UUID soon = UUID.randomUUID();
        UUID past = UUID.randomUUID();
        Instant inTwoDays = today.plusDays(2).atTime(18, 0).atZone(FRANCE).toInstant();
        Instant tenDaysAgo = today.minusDays(10).atTime(18, 0).atZone(FRANCE).toInstant();
        send(Topics.GOVERNANCE, envelope(siren, instance, 1, new SessionScheduled(soon, instance, siren, "DELIBERATIVE_ASSEMBLY",
                inTwoDays, today, false)));
        send(Topics.GOVERNANCE, envelope(siren, instance, 2, new SessionScheduled(past, instance, siren, "DELIBERATIVE_ASSEMBLY",
                tenDaysAgo, today.minusDays(20), false)));
        await().atMost(PATIENCE).until(() -> count("governance_session_scheduled", "instance_id", instance) == 2);

        // Convened with enough notice, or in urgency, it would not be.
        assertThat(kinds(rules.causes(siren, today, Instant.now()))).contains("SHORT_NOTICE", "MINUTES_LATE");
        engine.sweep(siren);
        JsonNode shortNotice = awaitAlert(siren, "SHORT_NOTICE", soon.toString(), true);
        assertThat(shortNotice.get("detail").asString()).contains("1 jour(s) franc(s), 3 requis (commune de moins de 3 500 habitants)");
        JsonNode minutes = awaitAlert(siren, "MINUTES_LATE", past.toString(), true);
        assertThat(minutes.get("subjectKind").asString()).isEqualTo("SESSION");
        assertThat(alerts(siren, "&kind=SHORT_NOTICE").get("total").asLong()).isEqualTo(1);

        send(Topics.GOVERNANCE, envelope(siren, instance, 3, new SessionClosed(soon, instance, siren, today.plusDays(2), 1)));
        send(Topics.GOVERNANCE, envelope(siren, instance, 4, new SessionClosed(past, instance, siren, today.minusDays(10), 1)));
        awaitAlert(siren, "SHORT_NOTICE", soon.toString(), false);
        awaitAlert(siren, "MINUTES_LATE", past.toString(), false);
    }

    /**
     * Four jours francs: enough for a commune of 3,499 inhabitants, short for one of 3,500, for an EPCI, and for a
     * mutualisation administered by an EPCI; a steering committee owes no legal notice.
     */
    @Test
    void theNoticeOwedDependsOnTheOwnerInTheDirectory() {
        String small = newSiren();
        String large = newSiren();
        String epci = newSiren();
        send(Topics.GOVERNANCE, envelope(small, small, 0, new CollectiviteRegistered(small, "Petite", "COMMUNE", 3_499, epci)));
        send(Topics.GOVERNANCE, envelope(large, large, 0, new CollectiviteRegistered(large, "Grande", "COMMUNE", 3_500, epci)));
        send(Topics.GOVERNANCE, envelope(epci, epci, 0, new CollectiviteRegistered(epci, "Interco", "EPCI", 2_000, null)));
        await().atMost(PATIENCE).until(() -> count("kit_collectivite", "siren", small) + count("kit_collectivite", "siren", large)
                + count("kit_collectivite", "siren", epci) == 3);
        String mutualisation = mutualisation(epci, List.of(small)).toString();
        Instant seance = today.plusDays(5).atTime(18, 0).atZone(FRANCE).toInstant();
        UUID steering = UUID.randomUUID();
        for (String owner : List.of(small, large, epci, mutualisation)) {
            UUID instance = UUID.randomUUID();
            send(Topics.GOVERNANCE, envelope(owner, instance, 1, new SessionScheduled(UUID.randomUUID(), instance, owner,
                    "DELIBERATIVE_ASSEMBLY", seance, today, false)));
        }
        send(Topics.GOVERNANCE, envelope(large, steering, 1, new SessionScheduled(UUID.randomUUID(), steering, large,
                "PORTFOLIO_STEERING_COMMITTEE", seance, today, false)));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM governance_session_scheduled WHERE owner_id IN (:owners)")
                .param("owners", List.of(small, large, epci, mutualisation)).query(Long.class).single() == 5);

        assertThat(kinds(rules.causes(small, today, Instant.now()))).doesNotContain("SHORT_NOTICE");
        assertThat(rules.causes(large, today, Instant.now())).filteredOn(cause -> cause.kind().name().equals("SHORT_NOTICE"))
                .singleElement().satisfies(cause -> assertThat(cause.detail()).endsWith("4 jour(s) franc(s), 5 requis (commune de 3 500 habitants et plus)"));
        assertThat(rules.causes(epci, today, Instant.now())).filteredOn(cause -> cause.kind().name().equals("SHORT_NOTICE"))
                .singleElement().satisfies(cause -> assertThat(cause.detail()).endsWith("5 requis (EPCI)"));
        assertThat(kinds(rules.causes(mutualisation, today, Instant.now()))).containsExactly("SHORT_NOTICE");
    }

    @Test
    void anInstanceThatMissedItsLastPeriodHasNotKeptItsCadenceUntilASeanceIsHeldInIt() {
        String siren = newSiren();
        UUID instance = UUID.randomUUID();
        Instant longAgo = today.minusYears(1).atStartOfDay(FRANCE).toInstant();
        send(Topics.GOVERNANCE, new EventEnvelope(UUID.randomUUID(), "governance.InstanceCreated", 1, longAgo, siren,
                instance.toString(), 0, "test", JSON.valueToTree(new InstanceCreated(instance, siren, "Comité de pilotage",
                "PORTFOLIO_STEERING_COMMITTEE", "MONTHLY"))));
        await().atMost(PATIENCE).until(() -> count("governance_instance", "instance_id", instance) == 1);

        engine.sweep(siren);
        JsonNode alert = awaitAlert(siren, "CADENCE_NOT_KEPT", instance.toString(), true);
        assertThat(alert.get("subjectLabel").asString()).isEqualTo("Comité de pilotage");
        assertThat(Instant.parse(alert.get("since").asString())).isEqualTo(today.withDayOfMonth(1).atStartOfDay(FRANCE).toInstant());

        LocalDate lastMonth = today.withDayOfMonth(1).minusDays(1);
        send(Topics.GOVERNANCE, envelope(siren, instance, 1, new SessionClosed(UUID.randomUUID(), instance, siren, lastMonth, 2)));
        awaitAlert(siren, "CADENCE_NOT_KEPT", instance.toString(), false);
    }

    private long count(String table, String column, Object value) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value").param("value", value)
                .query(Long.class).single();
    }

    private static List<String> kinds(List<AlertCause> causes) {
        return causes.stream().map(cause -> cause.kind().name()).toList();
    }

    private JsonNode alerts(String siren, String query) {
        return http.get("/api/evaluation/alerts?size=50" + query, agent(siren), null).json();
    }

    /** The alert of {@code kind} on {@code subjectId}, once it is open (or ended). */
    private JsonNode awaitAlert(String siren, String kind, String subjectId, boolean open) {
        return await().atMost(PATIENCE).until(() -> {
            JsonNode page = alerts(siren, "&kind=" + kind + "&subjectId=" + subjectId + "&open=" + open);
            return page.get("items").isEmpty() ? null : page.get("items").get(0);
        }, found -> found != null);
    }

    private static EventEnvelope voted(String siren, UUID line, Instant at, long sequence, long cents) {
        var described = fr.mutualis.contracts.IntegrationEvents.describe(CreditsVoted.class);
        return new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), at, siren, line.toString(), sequence,
                "test", JSON.valueToTree(new CreditsVoted(line, siren, today().getYear(), "INVESTMENT", "BP", cents)));
    }

    private static LocalDate today() {
        return LocalDate.now(FRANCE);
    }
}
