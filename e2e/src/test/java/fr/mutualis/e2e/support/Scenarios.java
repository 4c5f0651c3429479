package fr.mutualis.e2e.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to exercise each documented operation, keyed by {@code "METHOD path-template"} exactly as the OpenAPI documents
 * it. Path variables and bodies name a {@link World}'s resources ({@code ${project}}); bodies are valid, so that a
 * refusal is caused by who asks, never by what is sent. A new endpoint is one entry here: the tests that enumerate the
 * OpenAPI fail, naming it, until it has one.
 */
public final class Scenarios {

    public enum Kind {
        /** A read of one resource: another tenant gets 404, a member of its mutualisation 200. */
        READ,
        /** A write to one resource: another tenant gets 404 (or 403), a mutualisation member 403. */
        WRITE,
        /** A list, register, dashboard or export: it never shows another tenant's rows. */
        LIST,
        /** Creates a resource of the caller; when the body names another owner's resource, that is refused. */
        CREATE,
        /**
         * A read of a mutualisation's data reserved to its administrators (every member's figures): the administering
         * EPCI's shared-service admin reads it, a member gets 403, anyone else 404.
         */
        ADMINISTRATORS_READ,
        /** Public by design (the directory of collectivités): readable by every tenant. */
        PUBLIC,
        /** Only a platform administrator calls it: any other caller gets 403. */
        PLATFORM_ADMIN_ONLY
    }

    /**
     * @param kind what isolation means for this operation
     * @param vars each path variable and the resource it names
     * @param body a valid body (templated), null for none
     * @param query the query string of a list, or of a read that needs one
     */
    public record Scenario(Kind kind, Map<String, String> vars, String body, String query) {

        /** The query string on {@code world}'s resources; empty when it names a resource the world does not hold. */
        public Optional<String> query(World world) {
            return query == null ? Optional.of("") : world.fill(query);
        }

        public Map<String, String> resolve(World world) {
            Map<String, String> values = new LinkedHashMap<>();
            for (var variable : vars.entrySet()) {
                var id = world.id(variable.getValue());
                if (id.isEmpty()) {
                    return null;
                }
                values.put(variable.getKey(), id.get());
            }
            return values;
        }
    }

    private static final String PROJECT_BODY = """
            {"roadmapId": "${roadmap}", "title": "Intrus", "description": "x", "axis": "OPEN_DATA",
             "theme": "USER_SERVICES", "sponsor": "x", "manager": "x", "plannedStart": "2026-03-01",
             "plannedEnd": "2026-12-31", "estimatedInvestmentCents": 1, "estimatedOperatingCents": 1}""";
    private static final String WEIGHTS = """
            {"strategicAlignment": 1, "userValue": 1, "agentValue": 1, "legalObligation": 1, "feasibility": 1, "risk": 1}""";
    private static final String SCORES = """
            {"strategicAlignment": 4, "userValue": 4, "agentValue": 3, "legalObligation": 2, "feasibility": 4, "risk": 1}""";

    private static final String SPENDING = """
            {"amountCents": 1, "reference": "Intrus", "date": "2026-06-30"}""";

    public static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        // portfolio
        add("POST /api/portfolio/roadmaps", Kind.CREATE, null, """
                {"title": "Intrus", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"], "mutualisationId": "${mutualisation}"}""");
        add("GET /api/portfolio/roadmaps", Kind.LIST, null, null, "?size=200");
        add("GET /api/portfolio/roadmaps/{id}", Kind.READ, "roadmap", null);
        add("GET /api/portfolio/roadmaps/{id}/ranking", Kind.READ, "roadmap", null);
        add("GET /api/portfolio/roadmaps/{id}/history", Kind.READ, "roadmap", null);
        add("PUT /api/portfolio/roadmaps/{id}/weights", Kind.WRITE, "roadmap", WEIGHTS);
        add("POST /api/portfolio/roadmaps/{id}/close", Kind.WRITE, "roadmap", "{\"finalAssessment\": \"Bilan\"}");
        add("POST /api/portfolio/projects", Kind.CREATE, null, PROJECT_BODY);
        add("GET /api/portfolio/projects", Kind.LIST, null, null, "?size=200");
        add("POST /api/portfolio/roadmaps/{id}/scenarios", Kind.WRITE, "roadmap", """
                {"name": "Intrus", "projectIds": []}""");
        add("GET /api/portfolio/roadmaps/{id}/scenarios", Kind.READ, "roadmap", null);
        add("GET /api/portfolio/scenarios/{id}", Kind.READ, "scenario", null);
        add("GET /api/portfolio/projects/{id}", Kind.READ, "project", null);
        add("GET /api/portfolio/projects/{id}/history", Kind.READ, "project", null);
        add("POST /api/portfolio/projects/{id}/assessment", Kind.WRITE, "project", SCORES);
        for (String transition : new String[]{"start", "hold", "resume", "deliver", "close", "cancel"}) {
            add("POST /api/portfolio/projects/{id}/" + transition, Kind.WRITE, "project", "{\"reason\": \"x\"}");
        }
        add("POST /api/portfolio/projects/{id}/milestones", Kind.WRITE, "project",
                "{\"title\": \"Intrus\", \"plannedDate\": \"2026-09-30\"}");
        ALL.put("POST /api/portfolio/projects/{id}/milestones/{milestoneId}/reach", new Scenario(Kind.WRITE,
                Map.of("id", "project", "milestoneId", "milestone"), "{\"actualDate\": \"2026-09-30\"}", null));
        for (String context : new String[]{"portfolio", "budget", "governance", "evaluation"}) {
            add("POST /api/" + context + "/admin/rebuild", Kind.PLATFORM_ADMIN_ONLY, null, null);
            add("GET /api/" + context + "/admin/rebuild", Kind.PLATFORM_ADMIN_ONLY, null, null);
        }

        // governance
        add("POST /api/governance/collectivites", Kind.PLATFORM_ADMIN_ONLY, null, """
                {"siren": "%s", "name": "Intruse", "kind": "COMMUNE", "population": 10}""".formatted(Sirens.next()));
        add("GET /api/governance/collectivites", Kind.PUBLIC, null, null, "?size=200");
        ALL.put("GET /api/governance/collectivites/{siren}", new Scenario(Kind.PUBLIC, Map.of("siren", "siren"), null, ""));
        ALL.put("PUT /api/governance/collectivites/{siren}/elected-lead", new Scenario(Kind.WRITE,
                Map.of("siren", "siren"), "{\"name\": \"Intrus\"}", null));
        add("POST /api/governance/mutualisations", Kind.PLATFORM_ADMIN_ONLY, null, """
                {"name": "Intruse", "epciSiren": "%s", "memberSirens": ["%s"], "allocationKey": {"method": "POPULATION"}}"""
                .formatted(Sirens.next(), Sirens.next()));
        add("GET /api/governance/mutualisations/{id}", Kind.READ, "mutualisation", null);
        add("POST /api/governance/instances", Kind.CREATE, null, """
                {"name": "Intrus", "kind": "WORKING_GROUP", "cadence": "MONTHLY", "mutualisationId": "${mutualisation}",
                 "members": [{"personId": "x", "name": "X", "role": "x", "collectiviteSiren": "200000016", "voting": true, "chair": true}]}""");
        add("GET /api/governance/instances", Kind.LIST, null, null, "?size=200");
        add("GET /api/governance/instances/cadence", Kind.LIST, null, null, "?from=2026-01-01&to=2026-12-31");
        add("GET /api/governance/instances/{id}", Kind.READ, "instance", null);
        add("GET /api/governance/instances/{id}/sessions", Kind.READ, "instance", null);
        add("GET /api/governance/instances/{id}/history", Kind.READ, "instance", null);
        add("GET /api/governance/instances/{id}/cadence", Kind.READ, "instance", null);
        add("POST /api/governance/instances/{id}/sessions", Kind.WRITE, "instance", """
                {"scheduledAt": "2026-06-16T18:00:00+02:00", "agenda": [{"kind": "INFORMATION", "title": "Intrus"}]}""");
        add("GET /api/governance/sessions/{id}", Kind.READ, "session", null);
        add("PUT /api/governance/sessions/{id}/attendance", Kind.WRITE, "session", "{\"present\": [\"p1\"]}");
        add("POST /api/governance/sessions/{id}/decisions", Kind.WRITE, "session", """
                {"agendaItemId": "${agendaItem}", "votesFor": 1, "votesAgainst": 0, "abstentions": 0}""");
        add("POST /api/governance/sessions/{id}/close", Kind.WRITE, "session", "");
        add("GET /api/governance/decisions", Kind.LIST, null, null, "?size=200");
        add("GET /api/governance/exports/scdl-deliberations", Kind.LIST, null, null, "");

        // budget
        add("POST /api/budget/lines", Kind.CREATE, null, """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Intrus", "plannedCents": 1,
                 "mutualisationId": "${mutualisation}"}""");
        add("GET /api/budget/lines", Kind.LIST, null, null, "?fiscalYear=2026&size=200");
        add("GET /api/budget/lines/{id}", Kind.READ, "budgetLine", null);
        add("POST /api/budget/lines/{id}/engagements", Kind.WRITE, "budgetLine", SPENDING);
        add("POST /api/budget/votes", Kind.CREATE, null, """
                {"fiscalYear": 2026, "stage": "BS", "lines": [{"lineId": "${budgetLine}", "creditsCents": 1}]}""");
        add("GET /api/budget/engagements/{id}", Kind.READ, "engagement", null);
        add("POST /api/budget/engagements/{id}/mandates", Kind.WRITE, "engagement", SPENDING);
        add("GET /api/budget/mandates/{id}", Kind.READ, "mandate", null);
        // a programme names nothing of another owner: it is the caller's own, whatever the body says
        add("POST /api/budget/programmes", Kind.CREATE, null, null);
        add("GET /api/budget/programmes/{id}", Kind.READ, "programme", null);
        add("POST /api/budget/programmes/{id}/revisions", Kind.WRITE, "programme", """
                {"amountCents": 1, "schedule": [{"year": 2026, "amountCents": 1}], "reason": "Intrus"}""");
        add("GET /api/budget/mutualisations/{id}/allocations", Kind.READ, "mutualisation", null, "?fiscalYear=2026");
        add("POST /api/budget/mutualisations/{id}/allocations", Kind.WRITE, "mutualisation",
                "{\"fiscalYear\": 2026, \"costCents\": 1}");
        // The path names a year, not a resource: the budget of that year of the caller's tenant (taken from its
        // token, so no tenant can name another's), or with mutualisationId the mutualisation's, which its members see
        // and only its administering EPCI's shared-service admin changes. Isolation is then that of a WRITE to the
        // mutualisation's budget; a collectivité's own world holds no mutualisation and skips it.
        ALL.put("PUT /api/budget/transfer-rates/{fiscalYear}", new Scenario(Kind.WRITE, Map.of("fiscalYear", "fiscalYear"),
                "{\"investmentPercent\": 7.5, \"operatingPercent\": 7.5, \"deliberation\": \"Intrus\"}",
                "?mutualisationId=${mutualisation}"));
        add("POST /api/budget/transfers", Kind.CREATE, null, """
                {"fromLineId": "${secondBudgetLine}", "toLineId": "${budgetLine}", "amountCents": 1, "reason": "Intrus",
                 "date": "2026-06-30"}""");
        add("GET /api/budget/transfers/{id}", Kind.READ, "transfer", null);
        add("GET /api/budget/transfers", Kind.LIST, null, null, "?fiscalYear=2026");
        add("GET /api/budget/summary", Kind.LIST, null, null, "?fiscalYear=2026");
        add("GET /api/budget/exports/scdl", Kind.LIST, null, null, "?fiscalYear=2026&stage=BP");

        // evaluation
        // A scope the caller cannot see is refused as unknown (422, the same as a scope that does not exist): the
        // indicator's scope is checked by IndicatorController, not by the cross-reference rule of this table.
        add("POST /api/evaluation/indicators", Kind.CREATE, null, null);
        add("GET /api/evaluation/indicators", Kind.LIST, null, null, "?size=200");
        add("GET /api/evaluation/indicators/{id}", Kind.READ, "indicator", null);
        add("POST /api/evaluation/indicators/{id}/measurements", Kind.WRITE, "indicator", """
                {"date": "2026-06-30", "value": 99, "source": "Intrus"}""");
        add("PUT /api/evaluation/self-assessment", Kind.CREATE, null, null);
        add("GET /api/evaluation/self-assessment", Kind.LIST, null, null, "");
        add("GET /api/evaluation/barometer", Kind.LIST, null, null, "");
        add("GET /api/evaluation/barometer/mutualisations/{id}", Kind.ADMINISTRATORS_READ, "mutualisation", null);
        add("GET /api/evaluation/dashboard", Kind.LIST, null, null, "?fiscalYear=2026");
        add("GET /api/evaluation/alerts", Kind.LIST, null, null, "?size=200");
        add("GET /api/evaluation/alert-settings", Kind.LIST, null, null, "");
        add("PUT /api/evaluation/alert-settings", Kind.CREATE, null, null);
        // a person's own choices in the tenant they act for: nothing of another tenant to reach
        add("GET /api/evaluation/alert-subscriptions", Kind.LIST, null, null, "");
        add("PUT /api/evaluation/alert-subscriptions", Kind.CREATE, null, null);

        // reporting: the reports of the caller's tenant and of its mutualisations, never another tenant's
        add("GET /api/reporting/territory", Kind.LIST, null, null, "?fiscalYear=2026&quarter=4");
    }

    private static void add(String key, Kind kind, String resource, String body) {
        add(key, kind, resource, body, null);
    }

    private static void add(String key, Kind kind, String resource, String body, String query) {
        Map<String, String> vars = resource == null ? Map.of() : Map.of("id", resource);
        ALL.put(key, new Scenario(kind, vars, body, query));
    }

    private Scenarios() {
    }
}
