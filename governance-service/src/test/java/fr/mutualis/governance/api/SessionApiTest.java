package fr.mutualis.governance.api;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Séances: agenda, roll call, votes under the quorum and majority rules, closing, register, cadence, export. */
class SessionApiTest extends GovernanceIntegrationTest {

    static final String COUNCIL = """
            {"personId": "maire", "name": "Anne Roy", "role": "maire", "collectiviteSiren": "%1$s", "voting": true, "chair": true},
            {"personId": "c1", "name": "Bruno Caron", "role": "conseiller", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "c2", "name": "Chloé Petit", "role": "conseillère", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "c3", "name": "David Marin", "role": "conseiller", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "c4", "name": "Emma Noël", "role": "conseillère", "collectiviteSiren": "%1$s", "voting": true},
            {"personId": "dgs", "name": "Farid Lemoine", "role": "DGS", "collectiviteSiren": "%1$s", "voting": false}""";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static final String AGENDA = """
            [{"kind": "PROJECT_GATE", "title": "Compte citoyen en ligne", "subjectId": "%s"},
             {"kind": "BUDGET_ARBITRATION", "title": "Crédits, SIG et \\"cloud\\"", "amounts": [{"budgetLineId": "%s", "amountCents": 1250000}]},
             {"kind": "INFORMATION", "title": "Point d'avancement"}]""";

    @Test
    void aSessionRunsFromAgendaToPublishedMinutes() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        Session s = schedule(instance, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        assertThat(s.items()).hasSize(3);

        assertThat(put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"dgs\"]}", agent).status()).isEqualTo(200);
        var gate = decide(s, s.items().get(0), 3, 0, 0, "", agent);
        assertThat(gate.status()).as(gate.toString()).isEqualTo(201);
        assertThat(gate.json().get("outcome").asString()).isEqualTo("APPROVED");
        var tie = decide(s, s.items().get(1), 1, 1, 1, ", \"chairVote\": \"AGAINST\"", agent);
        assertThat(tie.json().get("outcome").asString()).as(tie.toString()).isEqualTo("REJECTED");

        // Each write answers once the séance's page shows it: the next read needs no retry.
        var open = http.get("/api/governance/sessions/" + s.id(), agent, null);
        assertThat(open.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(open.json().get("decisions").size()).isEqualTo(2);
        var closed = http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        var read = http.get("/api/governance/sessions/" + s.id(), t.elu(t.ville()), null);
        assertThat(read.json().get("status").asString()).as(read.toString()).isEqualTo("CLOSED");
        JsonNode session = read.json();
        assertThat(session.get("attendance").get("present").toString()).contains("maire", "c1", "c2", "dgs");
        assertThat(session.get("attendance").get("absent").toString()).contains("c3", "c4");
        assertThat(session.get("attendance").get("quorumReached").asBoolean()).isTrue();
        assertThat(session.get("decisions").size()).isEqualTo(2);
        session.get("decisions").forEach(decision -> assertThat(decision.get("finalDecision").asBoolean()).isTrue());
        String minutes = session.get("minutes").get("text").asString();
        assertThat(minutes).startsWith("PROCÈS-VERBAL DE LA SÉANCE DU LUNDI 16 MARS 2026 À 18H00")
                .contains("Présents (4)", "Quorum : atteint (3 membres votants présents sur 5)",
                        "1. Compte citoyen en ligne (validation de phase de projet)\n   Adopté : 3 pour, 0 contre, 0 abstention(s).",
                        "Rejeté : 1 pour, 1 contre, 1 abstention(s), la voix du président étant prépondérante.",
                        "3. Point d'avancement (information)\n   Point d'information, sans vote.");
        assertThat(session.get("minutes").get("heldOn").asString()).isEqualTo("2026-03-16");

        // Closed: the decisions are final.
        long events = eventCount();
        assertProblem(decide(s, s.items().get(1), 3, 0, 0, "", agent), 409, "CLOSED");
        assertProblem(put("/attendance", s, "{\"present\": [\"maire\"]}", agent), 409, "CLOSED");
        assertProblem(http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null), 409, "CLOSED");
        assertThat(eventCount()).isEqualTo(events);

        var register = awaitUntil(() -> http.get("/api/governance/decisions?instanceId=" + instance, agent, null),
                answer -> answer.json().get("total").asInt() == 2);
        assertThat(register.json().get("items").get(0).get("decidedOn").asString()).isEqualTo("2026-03-16");
        var gates = http.get("/api/governance/decisions?kind=PROJECT_GATE&outcome=APPROVED&from=2026-03-01&to=2026-03-31&instanceId="
                + instance, agent, null);
        assertThat(gates.json().get("total").asInt()).as(gates.toString()).isEqualTo(1);
        assertThat(gates.json().get("items").get(0).get("subjectId").asString()).isEqualTo(s.subject());
        assertThat(http.get("/api/governance/decisions?instanceId=" + instance + "&from=2026-04-01", agent, null)
                .json().get("total").asInt()).isZero();
        assertThat(http.get("/api/governance/decisions?instanceId=" + instance + "&outcome=DEFERRED", agent, null)
                .json().get("total").asInt()).isZero();
        assertThat(http.get("/api/governance/decisions?instanceId=" + instance, t.agent(t.bourg()), null)
                .json().get("total").asInt()).isZero();
    }

    @Test
    void noDecisionWithoutQuorumNorWithMoreVotesThanVotersPresent() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        Session s = schedule(instance, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"dgs\"]}", agent);
        long events = eventCount();
        assertProblem(decide(s, s.items().get(0), 2, 0, 0, "", agent), 422, "quorum-not-reached");

        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"dgs\"]}", agent);
        events = eventCount();
        assertProblem(decide(s, s.items().get(0), 3, 1, 0, "", agent), 422, "votes-exceed-present");
        // Counts whose 32-bit sum wraps to the voters present: refused, naming the count beyond them.
        var wrapped = decide(s, s.items().get(0), 1, Integer.MAX_VALUE, 5, "", agent);
        assertProblem(wrapped, 422, "votes-exceed-present");
        assertThat(wrapped.json().get("errors").get(0).get("field").asString()).isEqualTo("votesAgainst");
        assertProblem(decide(s, s.items().get(2), 3, 0, 0, "", agent), 422, "decision-information-item");
        assertProblem(decide(s, UUID.randomUUID().toString(), 3, 0, 0, "", agent), 422, "decision-unknown-agenda-item");
        assertProblem(decide(s, s.items().get(0), 1, 1, 0, "", agent), 422, "chair-vote-required");
        assertProblem(put("/attendance", s, "{\"present\": [\"maire\", \"stranger\"]}", agent), 422, "attendance-not-a-member");
        assertThat(eventCount()).isEqualTo(events);

        // A secret ballot of the assembly: a tie is rejected whatever the chair voted.
        var secret = decide(s, s.items().get(0), 1, 1, 1, ", \"secretBallot\": true, \"chairVote\": \"FOR\"", agent);
        assertThat(secret.json().get("outcome").asString()).as(secret.toString()).isEqualTo("REJECTED");
        assertProblem(decide(s, s.items().get(0), 3, 0, 0, "", agent), 409, "DECIDED");
        var deferred = decide(s, s.items().get(1), 0, 0, 0, ", \"deferred\": true", agent);
        assertThat(deferred.json().get("outcome").asString()).isEqualTo("DEFERRED");
    }

    @Test
    void anAssemblyReconvenedThreeDaysLaterSitsWithoutQuorum() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        Session first = schedule(instance, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        put("/attendance", first, "{\"present\": [\"maire\"]}", agent);
        assertThat(http.post("/api/governance/sessions/" + first.id() + "/close", "", agent, null).status()).isEqualTo(200);

        long events = eventCount();
        assertProblem(http.post("/api/governance/instances/" + instance + "/sessions",
                sessionBody("2026-03-18T18:00:00+01:00", first.id(), references(t.ville())), agent, null),
                422, "reconvened-delay");
        assertThat(eventCount()).isEqualTo(events);

        Session second = schedule(instance, t.ville(), agent, "2026-03-19T18:00:00+01:00", first.id());
        put("/attendance", second, "{\"present\": [\"maire\", \"c1\"]}", agent);
        var decided = decide(second, second.items().get(0), 2, 0, 0, "", agent);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("APPROVED");
        var read = http.get("/api/governance/sessions/" + second.id(), agent, null);
        assertThat(read.json().get("reconvenedFrom").asString()).isEqualTo(first.id());
        assertThat(read.json().get("quorumWaived").asBoolean()).isTrue();

        var history = http.get("/api/governance/instances/" + instance + "/history", agent, null);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        List<String> trail = new ArrayList<>();
        history.json().forEach(entry -> trail.add(entry.get("event").asString()));
        assertThat(trail).containsExactly("InstanceCreated", "SessionScheduled", "AttendanceRecorded", "SessionClosed",
                "SessionScheduled", "AttendanceRecorded", "DecisionRecorded");
        history.json().forEach(entry -> {
            assertThat(entry.get("userId").asString()).isEqualTo(t.ville() + "-agent");
            assertThat(entry.get("tenantId").asString()).isEqualTo(t.ville());
            assertThat(entry.get("occurredAt").asString()).isNotBlank();
        });
        assertProblem(http.get("/api/governance/instances/" + instance + "/history", t.agent(t.bourg()), null), 404, "not found");
    }

    @Test
    void aSteeringCommitteeUsesItsOwnQuorum() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        var created = http.post("/api/governance/instances", """
                {"name": "Comité de pilotage", "kind": "PORTFOLIO_STEERING_COMMITTEE", "cadence": "MONTHLY", "quorum": 0.7,
                 "members": [%s]}""".formatted(COUNCIL.formatted(t.ville())), agent, null);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, agent, null), 200);
        Session s = schedule(instance, t.ville(), agent, "2026-03-16T10:00:00+01:00", null);
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\"]}", agent);
        assertProblem(decide(s, s.items().get(0), 3, 0, 0, "", agent), 422, "quorum-not-reached");
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"c3\"]}", agent);
        var tie = decide(s, s.items().get(0), 2, 2, 0, ", \"secretBallot\": true, \"chairVote\": \"FOR\"", agent);
        assertThat(tie.json().get("outcome").asString()).as(tie.toString()).isEqualTo("APPROVED");
    }

    @Test
    void anotherTenantsSessionIsNotFoundAndBadInputIs400() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String stranger = t.agent(t.bourg());
        String instance = instance(t.ville(), agent, "STRATEGIC_COMMITTEE", "SEMIANNUAL");
        Session s = schedule(instance, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        long events = eventCount();
        String sessions = "/api/governance/instances/" + instance + "/sessions";
        String valid = sessionBody("2026-04-16T18:00:00+02:00", null, references(t.ville()));
        assertProblem(http.post(sessions, valid, stranger, null), 404, "not found");
        assertProblem(http.post("/api/governance/instances/" + UUID.randomUUID() + "/sessions", valid, agent, null), 404, "not found");
        assertProblem(http.get("/api/governance/sessions/" + s.id(), stranger, null), 404, "not found");
        assertProblem(put("/attendance", s, "{\"present\": [\"maire\"]}", stranger), 404, "not found");
        assertProblem(decide(s, s.items().get(0), 1, 0, 0, "", stranger), 404, "not found");
        assertProblem(http.post("/api/governance/sessions/" + s.id() + "/close", "", stranger, null), 404, "not found");
        assertProblem(http.get("/api/governance/sessions/" + UUID.randomUUID(), agent, null), 404, "not found");
        assertProblem(http.post("/api/governance/sessions/" + UUID.randomUUID() + "/close", "", agent, null), 404, "not found");

        assertProblem(http.post(sessions, "{\"scheduledAt\": ", agent, null), 400, "Malformed JSON");
        assertProblem(http.post(sessions, "{\"agenda\": [{\"kind\": \"INFORMATION\", \"title\": \"x\"}]}", agent, null), 400, "scheduledAt");
        assertProblem(http.post(sessions, "{\"scheduledAt\": \"2026-04-16T18:00:00+02:00\", \"agenda\": []}", agent, null), 400, "agenda");
        assertProblem(http.post(sessions, "{\"scheduledAt\": \"demain\", \"agenda\": [{\"kind\": \"INFORMATION\", \"title\": \"x\"}]}",
                agent, null), 400, "scheduledAt");
        assertProblem(http.post(sessions, "{\"scheduledAt\": \"2026-04-16T18:00:00+02:00\", \"agenda\": [{\"kind\": \"VOTE\", \"title\": \"x\"}]}",
                agent, null), 400, "kind");
        assertProblem(http.post(sessions, "{\"scheduledAt\": \"2026-04-16T18:00:00+02:00\", \"agenda\": [{\"kind\": \"PROJECT_GATE\", \"title\": \"x\"}]}",
                agent, null), 400, "subjectId");
        assertProblem(http.post(sessions, """
                {"scheduledAt": "2026-04-16T18:00:00+02:00", "agenda": [{"kind": "BUDGET_ARBITRATION", "title": "x",
                 "amounts": [{"budgetLineId": "%s", "projectId": "%s", "amountCents": 10}]}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()), agent, null), 400, "forOneTarget");
        assertProblem(http.post(sessions, """
                {"scheduledAt": "2026-04-16T18:00:00+02:00", "agenda": [{"kind": "BUDGET_ARBITRATION", "title": "x",
                 "amounts": [{"projectId": "%s", "amountCents": "dix"}]}]}""".formatted(UUID.randomUUID()), agent, null), 400, "amountCents");
        assertProblem(put("/attendance", s, "{\"present\": \"maire\"}", agent), 400, "present");
        assertProblem(put("/attendance", s, "{}", agent), 400, "present");
        String decisions = "/api/governance/sessions/" + s.id() + "/decisions";
        assertProblem(http.post(decisions, "{\"agendaItemId\": \"%s\", \"votesAgainst\": 0, \"abstentions\": 0}"
                .formatted(s.items().get(0)), agent, null), 400, "votesFor");
        assertProblem(decide(s, s.items().get(0), -1, 0, 0, "", agent), 400, "votesFor");
        assertProblem(decide(s, s.items().get(0), 1, 0, 0, ", \"chairVote\": \"MAYBE\"", agent), 400, "chairVote");
        assertProblem(http.post(decisions, "{\"agendaItemId\": \"x\", \"votesFor\": 1, \"votesAgainst\": 0, \"abstentions\": 0}",
                agent, null), 400, "agendaItemId");
        assertProblem(http.post(decisions, "{\"agendaItemId\": \"%s\", \"votesFor\": \"un\", \"votesAgainst\": 0, \"abstentions\": 0}"
                .formatted(s.items().get(0)), agent, null), 400, "votesFor");
        assertProblem(http.get("/api/governance/sessions/not-a-uuid", agent, null), 400, "id");
        assertProblem(http.get("/api/governance/decisions?outcome=MAYBE", agent, null), 400, "outcome");
        assertProblem(http.get("/api/governance/decisions?from=2026-05-01&to=2026-04-01", agent, null), 400, "from");
        assertProblem(http.get("/api/governance/decisions?size=0", agent, null), 400, "size");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aStaleIfMatchIsRefused() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, "WORKING_GROUP", "MONTHLY");
        Session s = schedule(instance, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        var read = http.get("/api/governance/sessions/" + s.id(), agent, null);
        String etag = read.header("ETag").orElseThrow();
        var first = http.send(http.request("/api/governance/sessions/" + s.id() + "/attendance", agent, null)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"present\": [\"maire\"]}")));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long events = eventCount();
        var stale = http.send(http.request("/api/governance/sessions/" + s.id() + "/close", agent, null)
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(stale, 409, "stale-version");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aMutualisationsSessionsAreRunByItsEpciAndReadByItsMembers() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        var created = http.post("/api/governance/instances", """
                {"name": "Comité du service commun", "kind": "STRATEGIC_COMMITTEE", "cadence": "SEMIANNUAL",
                 "mutualisationId": "%s", "members": [
                 {"personId": "pres", "name": "Président", "role": "président", "collectiviteSiren": "%s", "voting": true, "chair": true},
                 {"personId": "v", "name": "Élu de la ville", "role": "élu", "collectiviteSiren": "%s", "voting": true}]}"""
                .formatted(mutualisation, t.epci(), t.ville()), t.sharedAdmin(), null);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, t.sharedAdmin(), null), 200);
        assertProblem(http.post("/api/governance/instances/" + instance + "/sessions",
                sessionBody("2026-03-16T18:00:00+01:00", null, references(t.epci())), t.agent(t.ville()), null),
                403, "forbidden");
        Session s = schedule(instance, t.epci(), t.sharedAdmin(), "2026-03-16T18:00:00+01:00", null);
        assertProblem(put("/attendance", s, "{\"present\": [\"pres\", \"v\"]}", t.agent(t.ville())), 403, "forbidden");
        assertThat(put("/attendance", s, "{\"present\": [\"pres\", \"v\"]}", t.sharedAdmin()).status()).isEqualTo(200);
        assertThat(decide(s, s.items().get(0), 2, 0, 0, "", t.sharedAdmin()).status()).isEqualTo(201);
        assertThat(http.get("/api/governance/sessions/" + s.id(), t.agent(t.bourg()), null).status()).isEqualTo(200);
        assertProblem(http.get("/api/governance/sessions/" + s.id(), t.agent(t.village()), null), 404, "not found");
        var register = awaitUntil(() -> http.get("/api/governance/decisions?instanceId=" + instance, t.agent(t.bourg()), null),
                answer -> answer.json().get("total").asInt() == 1);
        assertThat(register.json().get("items").get(0).get("ownerId").asString()).isEqualTo(mutualisation);
        assertThat(http.get("/api/governance/decisions?instanceId=" + instance, t.agent(t.village()), null)
                .json().get("total").asInt()).isZero();
    }

    /**
     * Governance's rule is wider than the kit's Caller: the administering EPCI's platform administrator sets up and runs
     * a mutualisation's instances too; the EPCI's agents do not.
     */
    @Test
    void theEpcisPlatformAdministratorAlsoRunsAMutualisationsInstances() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        String admin = platformAdmin(t.epci());
        var created = http.post("/api/governance/instances", """
                {"name": "Comité du service commun", "kind": "STRATEGIC_COMMITTEE", "cadence": "SEMIANNUAL",
                 "mutualisationId": "%s", "members": [
                 {"personId": "pres", "name": "Président", "role": "président", "collectiviteSiren": "%s", "voting": true, "chair": true},
                 {"personId": "v", "name": "Élu de la ville", "role": "élu", "collectiviteSiren": "%s", "voting": true}]}"""
                .formatted(mutualisation, t.epci(), t.ville()), admin, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, admin, null), 200);
        Session s = schedule(instance, t.epci(), admin, "2026-03-16T18:00:00+01:00", null);
        assertProblem(put("/attendance", s, "{\"present\": [\"pres\", \"v\"]}", t.agent(t.epci())), 403, "forbidden");
        assertThat(put("/attendance", s, "{\"present\": [\"pres\", \"v\"]}", admin).status()).isEqualTo(200);
    }

    @Test
    void cadenceComplianceCountsSessionsHeldPerPeriod() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String instance = instance(t.ville(), agent, "OPERATIONAL_COMMITTEE", "MONTHLY");
        for (String day : List.of("2026-01-12T10:00:00+01:00", "2026-01-26T10:00:00+01:00", "2026-03-09T10:00:00+01:00")) {
            Session s = schedule(instance, t.ville(), agent, day, null);
            assertThat(http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null).status()).isEqualTo(200);
        }
        schedule(instance, t.ville(), agent, "2026-02-09T10:00:00+01:00", null);
        String path = "/api/governance/instances/" + instance + "/cadence?from=2026-01-01&to=2026-03-31";
        var report = awaitUntil(() -> http.get(path, agent, null),
                answer -> answer.status() == 200 && answer.json().get("heldSessions").asInt() == 3);
        JsonNode cadence = report.json();
        assertThat(cadence.get("expectedSessions").asInt()).isEqualTo(3);
        assertThat(cadence.get("periodsWithSession").asInt()).isEqualTo(2);
        assertThat(cadence.get("compliant").asBoolean()).isFalse();
        assertThat(cadence.get("periods").get(1).get("start").asString()).isEqualTo("2026-02-01");
        assertThat(cadence.get("periods").get(1).get("held").asInt()).isZero();
        assertThat(cadence.get("periods").get(0).get("held").asInt()).isEqualTo(2);

        var sessions = http.get("/api/governance/instances/" + instance + "/sessions", agent, null);
        assertThat(sessions.json().size()).as(sessions.toString()).isEqualTo(4);
        assertThat(sessions.json().get(0).get("status").asString()).isEqualTo("CLOSED");
        assertThat(sessions.json().get(2).get("status").asString()).isEqualTo("OPEN");
        assertProblem(http.get("/api/governance/instances/" + instance + "/sessions", t.agent(t.bourg()), null), 404, "not found");

        var all = http.get("/api/governance/instances/cadence?from=2026-01-01&to=2026-01-31", agent, null);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(1);
        assertThat(all.json().get(0).get("compliant").asBoolean()).isTrue();
        assertThat(http.get("/api/governance/instances/cadence?from=2026-01-01&to=2026-01-31", t.agent(t.bourg()), null)
                .json().size()).isZero();
        assertProblem(http.get(path, t.agent(t.bourg()), null), 404, "not found");
        assertProblem(http.get("/api/governance/instances/" + instance + "/cadence?from=2026-04-01&to=2026-03-01", agent, null), 400, "from");
        assertProblem(http.get("/api/governance/instances/" + instance + "/cadence?from=janvier", agent, null), 400, "from");
    }

    @Test
    void adoptedDeliberationsAreExportedInTheScdlLayout() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String assembly = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        Session s = schedule(assembly, t.ville(), agent, "2026-03-16T18:00:00+01:00", null);
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"c3\"]}", agent);
        decide(s, s.items().get(0), 2, 1, 1, "", agent);
        decide(s, s.items().get(1), 4, 0, 0, "", agent);
        http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null);
        String committee = instance(t.ville(), agent, "STRATEGIC_COMMITTEE", "ANNUAL");
        Session advisory = schedule(committee, t.ville(), agent, "2026-03-17T18:00:00+01:00", null);
        put("/attendance", advisory, "{\"present\": [\"maire\", \"c1\", \"c2\"]}", agent);
        decide(advisory, advisory.items().get(0), 3, 0, 0, "", agent);
        http.post("/api/governance/sessions/" + advisory.id() + "/close", "", agent, null);

        var export = awaitUntil(() -> http.get("/api/governance/exports/scdl-deliberations?from=2026-01-01", agent, null),
                answer -> answer.body().lines().count() == 3);
        assertThat(export.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,"
                + "DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,"
                + "VOTE_ABSTENTION,DELIB_URL");
        assertThat(String.join("\n", lines)).contains(
                "\"Ville-centre\",\"" + siret(t.ville()) + "\",",
                ",\"2026-03-16\",\"9.1\",\"Autres domaines de compétences/Autres domaines de compétences des communes\","
                        + "\"Compte citoyen en ligne\",,,,,5,4,2,1,1,",
                ",\"2026-03-16\",\"7.1\",\"Finances locales/Décisions budgétaires\",\"Crédits, SIG et \"\"cloud\"\"\",\"2026\",,,,5,4,4,0,0,");
        assertThat(http.get("/api/governance/exports/scdl-deliberations", t.agent(t.bourg()), null).body().lines().count())
                .isEqualTo(1);
        assertProblem(http.get("/api/governance/exports/scdl-deliberations?from=2026-05-01&to=2026-01-01", agent, null), 400, "from");
    }

    /**
     * Both SCDL schemas require the SIRET of the collectivité's siège: one registered without it (before the directory
     * knew SIRETs) cannot export its délibérations, rather than publish a SIREN or an invented NIC.
     */
    @Test
    void aCollectiviteWithoutSiretCannotExportItsDeliberations() {
        String siren = fr.mutualis.governance.TestSirens.random();
        var registered = http.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Ancienne", "kind": "COMMUNE", "population": 700}""".formatted(siren), platformAdmin(siren), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String agent = token(siren + "-agent", siren, "AGENT");
        awaitStatus(() -> http.get("/api/governance/collectivites/" + siren, agent, null), 200);
        assertThat(http.get("/api/governance/exports/scdl-deliberations", agent, null).body().lines().count())
                .as("nothing to publish, nothing refused").isEqualTo(1);
        String assembly = instance(siren, agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        Session s = schedule(assembly, siren, agent, "2026-03-16T18:00:00+01:00", null);
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"c3\"]}", agent);
        decide(s, s.items().get(1), 4, 0, 0, "", agent);
        http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null);

        var refused = awaitUntil(() -> http.get("/api/governance/exports/scdl-deliberations", agent, null),
                answer -> answer.status() != 200);
        assertProblem(refused, 422, siren);
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("siret");
    }

    /** Agenda titles a spreadsheet would run as formulas are exported inert; the votes stay numbers. */
    @Test
    void formulasInAgendaTitlesAreExportedInert() throws java.io.IOException {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String assembly = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        List<String> titles = List.of("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1");
        String project = references(t.ville()).project();
        String agenda = titles.stream().map(title -> "{\"kind\": \"PROJECT_GATE\", \"title\": " + JSON.writeValueAsString(title)
                + ", \"subjectId\": \"" + project + "\"}").collect(java.util.stream.Collectors.joining(",", "[", "]"));
        var created = http.post("/api/governance/instances/" + assembly + "/sessions",
                "{\"scheduledAt\": \"2026-04-20T18:00:00+02:00\", \"agenda\": " + agenda + "}", agent, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Session s = new Session(created.json().get("id").asString(),
                created.json().get("agendaItemIds").valueStream().map(JsonNode::asString).toList(), null);
        awaitStatus(() -> http.get("/api/governance/sessions/" + s.id(), agent, null), 200);
        put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"c3\"]}", agent);
        for (String item : s.items()) {
            var decided = decide(s, item, 4, 0, 0, "", agent);
            assertThat(decided.status()).as(decided.toString()).isBetween(200, 299);
        }
        http.post("/api/governance/sessions/" + s.id() + "/close", "", agent, null);

        var export = awaitUntil(() -> http.get("/api/governance/exports/scdl-deliberations?from=2026-04-20&to=2026-04-20", agent, null),
                answer -> answer.body().lines().count() == 1 + titles.size());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(export.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("DELIB_OBJET"))
                .containsExactlyInAnyOrder("'=HYPERLINK(\"http://x\")", "'+1+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-1+1");
        assertThat(rows).extracting(row -> row.get("VOTE_POUR")).containsOnly("4");
        assertThat(export.body()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains(",5,4,4,0,0,");
    }

    /** Java reads any year up to ±999,999,999: the platform's dates are 1900-01-01 to 2200-12-31, in a body or a query. */
    @Test
    void datesBeyondThePlausibleRangeAreRefusedNamingTheField() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String assembly = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        References references = references(t.ville());
        long events = eventCount();
        for (String at : List.of("-999999999-01-01T18:00:00+01:00", "+999999999-12-31T18:00:00+01:00", "1899-12-31T18:00:00Z")) {
            assertDateRefused(http.post("/api/governance/instances/" + assembly + "/sessions",
                    sessionBody(at, null, references), agent, null), "scheduledAt");
        }
        for (String at : List.of("1999-12-31T18:00:00+01:00", "2101-01-01T18:00:00+01:00")) {
            var beyondHorizon = http.post("/api/governance/instances/" + assembly + "/sessions",
                    sessionBody(at, null, references), agent, null);
            assertProblem(beyondHorizon, 400, "must fall between the years 2000 and 2100");
            assertThat(beyondHorizon.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                    .as("a séance's own horizon, named after its field").containsExactly("scheduledAt");
        }
        assertDateRefused(http.get("/api/governance/decisions?from=-999999999-01-01", agent, null), "from");
        assertDateRefused(http.get("/api/governance/decisions?to=%2B999999999-12-31", agent, null), "to");
        assertDateRefused(http.get("/api/governance/exports/scdl-deliberations?from=1899-12-31", agent, null), "from");
        assertDateRefused(http.get("/api/governance/exports/scdl-deliberations?from=2026-01-01&to=2201-01-01", agent, null), "to");
        assertDateRefused(http.get("/api/governance/instances/cadence?from=-999999999-01-01&to=2026-01-01", agent, null), "from");
        assertDateRefused(http.get("/api/governance/instances/" + assembly + "/cadence?to=2201-01-01", agent, null), "to");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(http.get("/api/governance/decisions?from=1900-01-01&to=2200-12-31", agent, null).status()).isEqualTo(200);
    }

    /** The legal notice counts from the convocation: it is dated on or before its séance, today or the séance's day by default. */
    @Test
    void aConvocationIsSentOnOrBeforeItsSeance() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        String assembly = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        References references = references(t.ville());
        String sessions = "/api/governance/instances/" + assembly + "/sessions";
        String body = sessionBody("2026-03-16T18:00:00+01:00", null, references);
        long events = eventCount();
        var afterTheSeance = http.post(sessions, body.replaceFirst("\\{", "{\"convenedAt\": \"2026-03-17\", "), agent, null);
        assertProblem(afterTheSeance, 400, "convenedAt");
        assertThat(afterTheSeance.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("convenedAt");
        assertThat(eventCount()).isEqualTo(events);

        var urgent = http.post(sessions, body.replaceFirst("\\{", "{\"convenedAt\": \"2026-03-15\", \"urgent\": true, "), agent, null);
        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        assertThat(scheduledPayload(urgent.json().get("id").asString())).contains("\"convenedAt\":\"2026-03-15\"", "\"urgent\":true");
        // Recorded after the fact, a séance with no convocation date was convened on its day at the latest.
        var recorded = http.post(sessions, body, agent, null);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(scheduledPayload(recorded.json().get("id").asString())).contains("\"convenedAt\":\"2026-03-16\"", "\"urgent\":false");
    }

    private String scheduledPayload(String sessionId) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE payload_type LIKE '%SessionScheduled' AND convert_from(payload, 'UTF8') LIKE :session""")
                .param("session", "%" + sessionId + "%").query(String.class).single();
    }

    private static void assertDateRefused(TestHttp.Response answer, String field) {
        assertProblem(answer, 400, "between 1900-01-01 and 2200-12-31");
        assertThat(answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(answer.toString()).containsExactly(field);
    }

    /** Sets up an instance of the council's members for {@code siren} and waits until it is readable. */
    private String instance(String siren, String token, String kind, String cadence) {
        var created = http.post("/api/governance/instances", """
                {"name": "Conseil de test", "kind": "%s", "cadence": "%s", "members": [%s]}"""
                .formatted(kind, cadence, COUNCIL.formatted(siren)), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + id, token, null), 200);
        return id;
    }

    @Test
    void instancesSessionsAndDecisionsAreCreatedOncePerIdempotencyKey() {
        Territory t = newTerritory();
        String agent = t.agent(t.ville());
        IdempotentCreationCheck check = new IdempotentCreationCheck(http);
        String instanceBody = """
                {"name": "Conseil de test", "kind": "DELIBERATIVE_ASSEMBLY", "cadence": "QUARTERLY", "members": [%s]}"""
                .formatted(COUNCIL.formatted(t.ville()));
        check.createsOnce("/api/governance/instances", agent, instanceBody,
                instanceBody.replace("Conseil de test", "Autre conseil"), rows("instance_view"));

        String instance = instance(t.ville(), agent, "DELIBERATIVE_ASSEMBLY", "QUARTERLY");
        References references = references(t.ville());
        check.createsOnce("/api/governance/instances/" + instance + "/sessions", agent,
                sessionBody("2026-03-16T18:00:00+01:00", null, references),
                sessionBody("2026-03-17T18:00:00+01:00", null, references), rows("session_view"));

        Session s = schedule(instance, t.ville(), agent, "2026-04-16T18:00:00+02:00", null);
        assertThat(put("/attendance", s, "{\"present\": [\"maire\", \"c1\", \"c2\", \"dgs\"]}", agent).status()).isEqualTo(200);
        String decision = "{\"agendaItemId\": \"%s\", \"votesFor\": %d, \"votesAgainst\": 0, \"abstentions\": 0}";
        check.createsOnce("/api/governance/sessions/" + s.id() + "/decisions", agent,
                decision.formatted(s.items().get(0), 3), decision.formatted(s.items().get(0), 2), rows("decision_view"));
    }

    private LongSupplier rows(String table) {
        return () -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Convenes a séance whose agenda names a project and a budget line of {@code owner}, as published by their contexts. */
    private Session schedule(String instance, String owner, String token, String at, String reconvenedFrom) {
        References references = references(owner);
        String subject = references.project();
        var created = http.post("/api/governance/instances/" + instance + "/sessions", sessionBody(at, reconvenedFrom, references),
                token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        List<String> items = new ArrayList<>();
        created.json().get("agendaItemIds").forEach(item -> items.add(item.asString()));
        awaitStatus(() -> http.get("/api/governance/sessions/" + id, token, null), 200);
        return new Session(id, items, subject);
    }

    private References references(String owner) {
        return new References(publishedProject(owner).toString(), publishedBudgetLine(owner).toString());
    }

    private static String sessionBody(String at, String reconvenedFrom, References references) {
        return """
                {"scheduledAt": "%s"%s, "agenda": %s}""".formatted(at,
                reconvenedFrom == null ? "" : ", \"reconvenedFrom\": \"" + reconvenedFrom + "\"",
                AGENDA.formatted(references.project(), references.budgetLine()));
    }

    /** What an agenda names in portfolio and budget. */
    private record References(String project, String budgetLine) {
    }

    private TestHttp.Response put(String action, Session session, String body, String token) {
        return http.put("/api/governance/sessions/" + session.id() + action, body, token, null);
    }

    private TestHttp.Response decide(Session session, String item, int votesFor, int against, int abstentions,
                                     String extra, String token) {
        return http.post("/api/governance/sessions/" + session.id() + "/decisions", """
                {"agendaItemId": "%s", "votesFor": %d, "votesAgainst": %d, "abstentions": %d%s}"""
                .formatted(item, votesFor, against, abstentions, extra), token, null);
    }

    record Session(String id, List<String> items, String subject) {
    }
}
