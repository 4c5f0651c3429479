package fr.mutualis.e2e.support;

import fr.mutualis.e2e.support.OpenApi.Operation;
import fr.mutualis.localstack.LocalStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A valid request for each write of the four services, on a {@link World}'s resources, and who may send it:
 * tests vary one thing (a hostile value, the caller's role, an extra field) and a refusal is then caused by that thing
 * only. Also counts the rows of their event stores and read models, to show a refused request changed none.
 */
public final class WriteRequests {

    /** @param caller who may send the body: an agent of the world's collectivité, or a platform administrator */
    public record Base(String body, Function<Territory, String> caller) {
    }

    public static Map<String, Base> validBodies() {
        Map<String, Base> bodies = new LinkedHashMap<>();
        Function<Territory, String> agent = territory -> territory.agent(territory.ville);
        Function<Territory, String> admin = Territory::epciPlatformAdmin;
        bodies.put("POST /api/portfolio/roadmaps", new Base("""
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""", agent));
        bodies.put("PUT /api/portfolio/roadmaps/{id}/weights", new Base("""
                {"strategicAlignment": 1, "userValue": 1, "agentValue": 1, "legalObligation": 1, "feasibility": 1, "risk": 1}""",
                agent));
        bodies.put("POST /api/portfolio/roadmaps/{id}/close", new Base("{\"finalAssessment\": \"Bilan\"}", agent));
        bodies.put("POST /api/portfolio/projects", new Base("""
                {"roadmapId": "${roadmap}", "title": "Projet", "description": "x", "axis": "OPEN_DATA",
                 "theme": "USER_SERVICES", "sponsor": "x", "manager": "x", "plannedStart": "2026-03-01",
                 "plannedEnd": "2026-12-31", "estimatedInvestmentCents": 1, "estimatedOperatingCents": 1}""", agent));
        bodies.put("POST /api/portfolio/projects/{id}/assessment", new Base("""
                {"strategicAlignment": 4, "userValue": 4, "agentValue": 3, "legalObligation": 2, "feasibility": 4, "risk": 1}""",
                agent));
        for (String transition : List.of("start", "hold", "resume", "deliver", "close", "cancel")) {
            bodies.put("POST /api/portfolio/projects/{id}/" + transition, new Base("{\"reason\": \"x\"}", agent));
        }
        bodies.put("POST /api/portfolio/projects/{id}/milestones", new Base("""
                {"title": "Recette", "plannedDate": "2026-09-30"}""", agent));
        bodies.put("POST /api/portfolio/projects/{id}/milestones/{milestoneId}/reach", new Base("""
                {"actualDate": "2026-09-30"}""", agent));
        bodies.put("POST /api/governance/collectivites", new Base("""
                {"siren": "%s", "name": "Commune", "kind": "COMMUNE", "population": 10, "epciSiren": "%s"}"""
                .formatted(Sirens.next(), "${epci}"), admin));
        bodies.put("PUT /api/governance/collectivites/{siren}/elected-lead", new Base("{\"name\": \"Claire Martin\"}", agent));
        bodies.put("POST /api/governance/mutualisations", new Base("""
                {"name": "Service commun", "epciSiren": "${epci}", "memberSirens": ["${siren}"],
                 "allocationKey": {"method": "FIXED_SHARES", "shares": {"${siren}": 100}}}""", admin));
        bodies.put("POST /api/governance/instances", new Base("""
                {"name": "Comité", "kind": "STRATEGIC_COMMITTEE", "cadence": "QUARTERLY", "quorum": 0.5,
                 "members": [%s]}""".formatted(World.MEMBERS.formatted("${siren}")), agent));
        bodies.put("POST /api/governance/instances/{id}/sessions", new Base("""
                {"scheduledAt": "2026-06-16T18:00:00+02:00",
                 "agenda": [{"kind": "BUDGET_ARBITRATION", "title": "Arbitrage", "subjectId": "${project}",
                             "amounts": [{"projectId": "${project}", "amountCents": 100}]}]}""", agent));
        bodies.put("PUT /api/governance/sessions/{id}/attendance", new Base("{\"present\": [\"p1\", \"p2\", \"p3\"]}", agent));
        bodies.put("POST /api/governance/sessions/{id}/decisions", new Base("""
                {"agendaItemId": "${agendaItem}", "votesFor": 2, "votesAgainst": 1, "abstentions": 0,
                 "deferred": false, "secretBallot": false, "chairVote": "FOR"}""", agent));
        bodies.put("POST /api/budget/lines", new Base("""
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciels",
                 "plannedCents": 100000, "projectId": "${project}"}""", agent));
        bodies.put("POST /api/budget/votes", new Base("""
                {"fiscalYear": 2026, "stage": "BS", "lines": [{"lineId": "${budgetLine}", "creditsCents": 1500000}]}""",
                agent));
        bodies.put("POST /api/budget/lines/{id}/engagements", new Base("""
                {"amountCents": 100, "reference": "BC-2026-12", "date": "2026-05-04"}""", agent));
        bodies.put("POST /api/budget/engagements/{id}/mandates", new Base("""
                {"amountCents": 100, "reference": "M-2026-12", "date": "2026-05-04"}""", agent));
        bodies.put("POST /api/budget/programmes", new Base("""
                {"label": "Programme", "chapter": "20", "amountCents": 100, "projectId": "${project}",
                 "schedule": [{"year": 2026, "amountCents": 100}]}""", agent));
        bodies.put("POST /api/budget/programmes/{id}/revisions", new Base("""
                {"amountCents": 3000000, "schedule": [{"year": 2026, "amountCents": 3000000}], "reason": "Révision"}""",
                agent));
        bodies.put("PUT /api/budget/transfer-rates/{fiscalYear}", new Base("""
                {"investmentPercent": 7.5, "operatingPercent": 5, "deliberation": "Délibération 2026-014"}""", agent));
        bodies.put("POST /api/budget/transfers", new Base("""
                {"fromLineId": "${secondBudgetLine}", "toLineId": "${budgetLine}", "amountCents": 100,
                 "reason": "Virement", "date": "2026-05-04"}""", agent));
        bodies.put("POST /api/budget/mutualisations/{id}/allocations", new Base("""
                {"fiscalYear": 2026, "costCents": 100000}""", Territory::sharedAdmin));
        bodies.put("POST /api/evaluation/indicators", new Base("""
                {"scopeKind": "TENANT", "scopeId": "${siren}", "name": "Démarches en ligne", "unit": "%",
                 "baselineValue": 20, "baselineDate": "2025-01-01", "targetValue": 80, "targetDate": "2028-12-31",
                 "direction": "UP", "frequency": "QUARTERLY"}""", agent));
        bodies.put("POST /api/evaluation/indicators/{id}/measurements", new Base("""
                {"date": "2026-06-30", "value": 40, "source": "Relevé"}""", agent));
        bodies.put("PUT /api/evaluation/self-assessment", new Base("""
                {"roles": ["DPO"], "communication": ["SOCIAL"]}""", agent));
        bodies.put("PUT /api/evaluation/alert-settings", new Base("""
                {"creditsPercent": 85, "mandatedPercent": 95}""", agent));
        bodies.put("PUT /api/evaluation/alert-subscriptions", new Base("""
                {"subscriptions": [{"kind": "MILESTONE_LATE", "mode": "IMMEDIATE"}]}""", agent));
        // no project picked: the world's project may have been cancelled by then (a refusal its base would not have
        // had); ScenarioApiTest proves the refusals of picked projects
        bodies.put("POST /api/portfolio/roadmaps/{id}/scenarios", new Base("""
                {"name": "Scénario", "projectIds": [], "envelopes": [{"year": 2026, "section": "INVESTMENT", "amountCents": 100}]}""",
                agent));
        return bodies;
    }

    /** The operation's path on the world's resources: {@code {id}} is the resource its collection names. */
    public static String path(Operation operation, Territory territory, World world) {
        String resource = Map.of("/roadmaps/", "roadmap", "/projects/", "project", "/instances/", "instance",
                        "/sessions/", "session", "/lines/", "budgetLine", "/engagements/", "engagement",
                        "/programmes/", "programme", "/indicators/", "indicator").entrySet().stream()
                .filter(collection -> operation.path().contains(collection.getKey() + "{id}"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", operation.path().contains("/mutualisations/{id}") ? territory.mutualisation
                : resource == null ? "" : world.id(resource).orElseThrow());
        values.put("siren", territory.ville);
        values.put("fiscalYear", World.FISCAL_YEAR);
        values.put("milestoneId", world.id("milestone").orElseThrow());
        return operation.fill(values);
    }

    public static String body(Base base, Territory territory, World world) {
        return world.fill(base.body().replace("${epci}", territory.epci)).orElseThrow();
    }

    /** Rows of the event store and of every read model of portfolio and governance, counted in their databases. */
    public static Map<String, Long> rowCounts() {
        LocalStack stack = Platform.stack();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<String>> tables = Map.of(
                "portfolio", List.of("domain_event_entry", "roadmap_view", "project_view", "milestone_view"),
                "governance", List.of("domain_event_entry", "collectivite_view", "mutualisation_view", "instance_view",
                        "session_view", "decision_view", "kit_mutualisation"),
                // budget and evaluation also apply other contexts' events in the background: their own read models only
                "budget", List.of("budget_line_view", "budget_line_credit", "engagement_view", "mandate_view",
                        "programme_view", "programme_revision", "cost_allocation_view", "budget_line_transfer",
                        "credit_transfer_view", "transfer_rate_view"),
                "evaluation", List.of("indicator_view", "indicator_measurement", "self_assessment"));
        tables.forEach((database, names) -> {
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(stack.jdbcUrl(database),
                    LocalStack.DB_USERNAME, LocalStack.DB_PASSWORD));
            for (String table : names) {
                counts.put(database + "." + table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
            }
        });
        return counts;
    }

    private WriteRequests() {
    }
}
