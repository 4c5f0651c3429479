package fr.mutualis.e2e.support;

import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resources one owner (a collectivité, or a mutualisation through its EPCI's administrators) holds in every
 * context, created through the API, by name: {@code roadmap}, {@code project}, {@code milestone}, {@code instance},
 * {@code session}, {@code agendaItem}, {@code budgetLine}, {@code secondBudgetLine}, {@code vote}, {@code engagement},
 * {@code mandate}, {@code transfer}, {@code programme} (a collectivité's only), {@code indicator}, {@code siren},
 * {@code mutualisation}; a collectivité also declares its self-assessment, and a mutualisation has its 2026 cost
 * allocated among its members. Every budget resource is of {@link #FISCAL_YEAR}.
 * Every title carries {@link #marker}, so that a list or an export leaking one of them is caught even when it shows no
 * id.
 */
public final class World {

    public static final String MEMBERS = """
            {"personId": "p1", "name": "Anne Roy", "role": "présidente", "collectiviteSiren": "%1$s", "voting": true, "chair": true},
            {"personId": "p2", "name": "Bruno Caron", "role": "élu", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "p3", "name": "Chloé Petit", "role": "élue", "collectiviteSiren": "%1$s", "voting": true}""";

    /** The year of every budget resource; the path variable {@code fiscalYear} names it. */
    public static final String FISCAL_YEAR = "2026";

    public final String marker = "W" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final TestHttp gateway = Platform.gateway();

    /** A resource's id; {@code fiscalYear} is not one (every budget list shows it), so {@link #ids()} leaves it out. */
    public Optional<String> id(String resource) {
        return resource.equals("fiscalYear") ? Optional.of(FISCAL_YEAR) : Optional.ofNullable(ids.get(resource));
    }

    public Map<String, String> ids() {
        return ids;
    }

    public Collection<String> values() {
        return ids.values();
    }

    /**
     * A collectivité's own data in every context. {@code siren} is the collectivité; {@code token} one of its agents.
     */
    public static World privateOf(String siren, String token) {
        World world = new World();
        world.ids.put("siren", siren);
        world.portfolio(token, null);
        world.governance(token, siren, null);
        world.budget(token, null);
        world.programme(token);
        world.evaluation(token, "TENANT", siren);
        Response declared = world.gateway.put("/api/evaluation/self-assessment", """
                {"roles": ["DPO"], "communication": ["SOCIAL"]}""", token, null);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        return world;
    }

    /** A mutualisation's data, created by its administering EPCI's shared-service administrator. */
    public static World sharedOf(Territory territory) {
        World world = new World();
        world.ids.put("mutualisation", territory.mutualisation);
        world.portfolio(territory.sharedAdmin(), territory.mutualisation);
        world.governance(territory.sharedAdmin(), territory.epci, territory.mutualisation);
        world.budget(territory.sharedAdmin(), territory.mutualisation);
        // the cost split of the mutualisation's year among its members, by its key (population)
        // (the members' populations reach the budget through Kafka too)
        Territory.awaitOk(() -> world.gateway.post("/api/budget/mutualisations/" + territory.mutualisation
                + "/allocations", "{\"fiscalYear\": 2026, \"costCents\": 9200000}", territory.sharedAdmin(), null));
        world.evaluation(territory.sharedAdmin(), "MUTUALISATION", territory.mutualisation);
        return world;
    }

    private void portfolio(String token, String mutualisation) {
        String owner = mutualisation == null ? "" : ", \"mutualisationId\": \"" + mutualisation + "\"";
        String roadmapBody = """
                {"title": "Feuille de route %s", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]%s}"""
                .formatted(marker, owner);
        // A mutualisation reaches portfolio through Kafka: until then its roadmap is refused (404), nothing stored.
        String roadmap = Territory.awaitOk(() -> gateway.post("/api/portfolio/roadmaps", roadmapBody, token, null))
                .json().get("id").asString();
        ids.put("roadmap", roadmap);
        ids.put("project", create("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "Projet %s", "description": "Isolation", "axis": "OPEN_DATA",
                 "theme": "USER_SERVICES", "sponsor": "Élue", "manager": "DSI", "plannedStart": "2026-03-01",
                 "plannedEnd": "2026-12-31", "estimatedInvestmentCents": 100000, "estimatedOperatingCents": 20000}"""
                .formatted(roadmap, marker), token));
        ids.put("milestone", create("/api/portfolio/projects/" + ids.get("project") + "/milestones", """
                {"title": "Recette %s", "plannedDate": "2026-09-30"}""".formatted(marker), token));
        ids.put("scenario", create("/api/portfolio/roadmaps/" + roadmap + "/scenarios", """
                {"name": "Scénario %s", "projectIds": ["%s"]}""".formatted(marker, ids.get("project")), token));
    }

    private void governance(String token, String memberSiren, String mutualisation) {
        String scope = mutualisation == null ? "" : ", \"mutualisationId\": \"" + mutualisation + "\"";
        String instanceBody = """
                {"name": "Comité %s", "kind": "STRATEGIC_COMMITTEE", "cadence": "QUARTERLY"%s, "members": [%s]}"""
                .formatted(marker, scope, MEMBERS.formatted(memberSiren));
        String instance = Territory.awaitOk(() -> gateway.post("/api/governance/instances", instanceBody, token, null))
                .json().get("id").asString();
        ids.put("instance", instance);
        Response session = gateway.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "2026-03-16T18:00:00+01:00",
                 "agenda": [{"kind": "PRIORITISATION", "title": "Priorités %s"}, {"kind": "PRIORITISATION", "title": "Point %s"}]}"""
                .formatted(marker, marker), token, null);
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        ids.put("session", sessionId);
        ids.put("agendaItem", session.json().get("agendaItemIds").get(1).asString());
        Response attendance = gateway.put("/api/governance/sessions/" + sessionId + "/attendance",
                "{\"present\": [\"p1\", \"p2\", \"p3\"]}", token, null);
        assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
        Response decision = gateway.post("/api/governance/sessions/" + sessionId + "/decisions", """
                {"agendaItemId": "%s", "votesFor": 3, "votesAgainst": 0, "abstentions": 0}"""
                .formatted(session.json().get("agendaItemIds").get(0).asString()), token, null);
        assertThat(decision.status()).as(decision.toString()).isEqualTo(201);
    }

    /**
     * Two investment lines of different chapters (software 20, hardware 21) voted at BP, an engagement on the first and
     * a mandate of that engagement; the assembly's délibération delegating 7.5 % for transfers between chapters, and a
     * transfer of credits from the hardware line to the software line within it.
     */
    private void budget(String token, String mutualisation) {
        String owner = mutualisation == null ? "" : ", \"mutualisationId\": \"" + mutualisation + "\"";
        String lineBody = """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "20", "label": "Logiciels %s",
                 "plannedCents": 1500000%s}""".formatted(marker, owner);
        // A mutualisation reaches the budget through Kafka: until then its line is refused (404), nothing stored.
        String line = Territory.awaitOk(() -> gateway.post("/api/budget/lines", lineBody, token, null))
                .json().get("id").asString();
        ids.put("budgetLine", line);
        String secondLine = create("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "INVESTMENT", "chapter": "21", "label": "Matériel %s",
                 "plannedCents": 500000%s}""".formatted(marker, owner), token);
        ids.put("secondBudgetLine", secondLine);
        ids.put("vote", create("/api/budget/votes", """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": 1500000},
                 {"lineId": "%s", "creditsCents": 500000}]}""".formatted(line, secondLine), token));
        ids.put("engagement", create("/api/budget/lines/" + line + "/engagements", """
                {"amountCents": 400000, "reference": "BC %s", "date": "2026-03-02"}""".formatted(marker), token));
        ids.put("mandate", create("/api/budget/engagements/" + ids.get("engagement") + "/mandates", """
                {"amountCents": 100000, "reference": "Mandat %s", "date": "2026-04-02"}""".formatted(marker), token));
        String ofMutualisation = mutualisation == null ? "" : "?mutualisationId=" + mutualisation;
        Response delegated = gateway.put("/api/budget/transfer-rates/" + FISCAL_YEAR + ofMutualisation, """
                {"investmentPercent": 7.5, "operatingPercent": 7.5, "deliberation": "Délibération %s"}"""
                .formatted(marker), token, null);
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(200);
        // 1,000 € of the 1,500 € the rate allows (7.5 % of the section's 20,000 €)
        ids.put("transfer", create("/api/budget/transfers", """
                {"fromLineId": "%s", "toLineId": "%s", "amountCents": 100000, "reason": "Virement %s",
                 "date": "2026-04-15"}""".formatted(secondLine, line, marker), token));
    }

    /** A programme authorisation (AP) with its CP schedule: a collectivité's own, never a mutualisation's. */
    private void programme(String token) {
        ids.put("programme", create("/api/budget/programmes", """
                {"label": "Programme %s", "chapter": "20", "amountCents": 3000000,
                 "schedule": [{"year": 2026, "amountCents": 1000000}, {"year": 2027, "amountCents": 2000000}]}"""
                .formatted(marker), token));
    }

    /** An indicator of the owner and one measurement of it. */
    private void evaluation(String token, String scopeKind, String scopeId) {
        String indicatorBody = """
                {"scopeKind": "%s", "scopeId": "%s", "name": "Démarches en ligne %s", "unit": "%%",
                 "baselineValue": 20, "baselineDate": "2025-01-01", "targetValue": 80, "targetDate": "2028-12-31",
                 "direction": "UP", "frequency": "QUARTERLY"}""".formatted(scopeKind, scopeId, marker);
        // A mutualisation reaches evaluation through Kafka: until then its scope is unknown (404 naming scopeId), nothing stored.
        String indicator = Territory.awaitOk(() -> gateway.post("/api/evaluation/indicators", indicatorBody, token, null))
                .json().get("id").asString();
        ids.put("indicator", indicator);
        Response measured = gateway.post("/api/evaluation/indicators/" + indicator + "/measurements", """
                {"date": "2026-03-31", "value": 35, "source": "Relevé %s"}""".formatted(marker), token, null);
        assertThat(measured.status()).as(measured.toString()).isEqualTo(201);
    }

    private String create(String path, String body, String token) {
        Response created = gateway.post(path, body, token, null);
        assertThat(created.status()).as(path + " " + created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Replaces {@code ${resource}} by this world's ids; empty when the template names a resource it does not hold. */
    public Optional<String> fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("${" + id.getKey() + "}", id.getValue());
        }
        return filled.contains("${") ? Optional.empty() : Optional.of(filled);
    }
}
