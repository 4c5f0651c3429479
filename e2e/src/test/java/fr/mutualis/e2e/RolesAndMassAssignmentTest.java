package fr.mutualis.e2e;

import fr.mutualis.e2e.support.OpenApi;
import fr.mutualis.e2e.support.OpenApi.Operation;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.e2e.support.World;
import fr.mutualis.e2e.support.WriteRequests;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles, as each service documents them (the {@code x-roles} of every operation of the four services) and as
 * they are enforced: a caller holding only a role an operation does not list gets 403 problem+json and changes
 * nothing; REPORTING writes nowhere. Mass assignment: fields a client must not set (tenant, owner, status, version,
 * id) sent in a body are ignored, never trusted: every check runs, on what the read model shows once it caught up.
 */
@ExtendWith(Platform.class)
@Isolated("A refusal is proved to change nothing by counting every table, which another class's writes would move")
class RolesAndMassAssignmentTest {

    private static final List<String> ROLES = List.of("AGENT", "ELU", "SHARED_SERVICE_ADMIN", "REPORTING", "PLATFORM_ADMIN");

    private static TestHttp gateway;
    private static Territory t;
    private static World world;
    private static List<Operation> operations;

    @BeforeAll
    static void territory() {
        gateway = Platform.gatewayForInvalidRequests();
        t = Territory.create();
        world = World.privateOf(t.ville, t.agent(t.ville));
        // The services': the reporting job's one read has no body and no role restriction (what each role lists there
        // is ReportingJobEndToEndTest's).
        operations = OpenApi.fetch().operations().stream()
                .filter(operation -> OpenApi.SERVICES.contains(operation.context()))
                .toList();
        for (String role : ROLES) {
            Platform.stack().registerClient(Territory.id("only-" + role.toLowerCase(), t.ville), Territory.SECRET,
                    List.of(t.ville), List.of(role));
        }
    }

    @Test
    void everyOperationDocumentsTheRolesThatMayCallItAndReportingWritesNowhere() {
        Set<String> undocumented = new TreeSet<>();
        Set<String> reportingWrites = new TreeSet<>();
        for (Operation operation : operations) {
            List<String> roles = operation.documentedRoles();
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                undocumented.add(operation.key() + " " + roles);
            }
            if (!operation.isRead() && roles.contains("REPORTING")) {
                reportingWrites.add(operation.key());
            }
            if (operation.isRead()) {
                assertThat(operation.spec().path("description").asString("")).as(operation.key()).contains("Roles:");
            }
        }
        assertThat(undocumented).as("operations without x-roles (or with an unknown role)").isEmpty();
        assertThat(reportingWrites).as("writes open to REPORTING").isEmpty();
    }

    @Test
    void aCallerWithoutADocumentedRoleGets403AndChangesNothing() {
        Map<String, Long> before = WriteRequests.rowCounts();
        Map<String, WriteRequests.Base> bodies = WriteRequests.validBodies();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Set<String> writeKeys = new TreeSet<>();
        Set<String> refusedOperations = new TreeSet<>();
        for (Operation operation : operations) {
            if (operation.isRead()) {
                continue;
            }
            writeKeys.add(operation.key());
            WriteRequests.Base base = bodies.get(operation.key());
            String body = base == null ? "" : WriteRequests.body(base, t, world);
            String path = WriteRequests.path(operation, t, world);
            for (String role : ROLES) {
                if (operation.documentedRoles().contains(role)) {
                    continue;
                }
                cases++;
                refusedOperations.add(operation.key());
                Response answer = send(operation.method(), path, body, t.token(Territory.id("only-" + role.toLowerCase(), t.ville)));
                if (answer.status() != 403 || !answer.isProblem()) {
                    failures.add(operation.key() + " as " + role + ": " + answer);
                }
            }
        }
        System.out.printf("roles: %d calls by a role an operation does not list%n", cases);
        // REPORTING writes nowhere: every write has at least one role to refuse, so each one is called
        assertThat(refusedOperations).as("writes called by a role they do not list").isEqualTo(writeKeys);
        assertThat(writeKeys).as("documented writes").isNotEmpty();
        assertThat(failures).as("calls by a role not documented for the operation").isEmpty();
        assertThat(WriteRequests.rowCounts()).isEqualTo(before);
    }

    @Test
    void ownerTenantStatusVersionAndIdInABodyAreNeverTrusted() {
        String agent = t.agent(t.ville);
        String forged = """
                , "id": "%s", "ownerId": "%s", "owner": "%s", "tenantId": "%s", "status": "%s", "version": 42,
                "priority": 100, "administeringSiren": "%s", "approvalDecisionId": "%s\"""";
        UUID chosenId = UUID.randomUUID();

        Response roadmap = gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]%s}"""
                .formatted(forged.formatted(chosenId, t.outsider, t.outsider, t.outsider, "ADOPTED", t.outsider,
                        UUID.randomUUID())), agent, null);
        JsonNode drafted = trusted(roadmap, "/api/portfolio/roadmaps/", chosenId);
        assertThat(drafted.get("ownerId").asString()).isEqualTo(t.ville);
        assertThat(drafted.get("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.get("version").asLong()).isNotEqualTo(42);

        Response project = gateway.post("/api/portfolio/projects", """
                {"roadmapId": "%s", "title": "Projet", "axis": "OPEN_DATA", "theme": "USER_SERVICES",
                 "plannedStart": "2026-03-01", "plannedEnd": "2026-12-31", "estimatedInvestmentCents": 1,
                 "estimatedOperatingCents": 1%s}""".formatted(world.id("roadmap").orElseThrow(),
                forged.formatted(chosenId, t.outsider, t.outsider, t.outsider, "APPROVED", t.outsider,
                        UUID.randomUUID())), agent, null);
        JsonNode proposed = trusted(project, "/api/portfolio/projects/", chosenId);
        assertThat(proposed.get("ownerId").asString()).isEqualTo(t.ville);
        assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        JsonNode approval = proposed.path("approvalDecisionId");
        assertThat(approval.isNull() || approval.isMissingNode()).as("approvalDecisionId").isTrue();

        String id = proposed.get("id").asString();
        long version = proposed.get("version").asLong();
        Response assessed = gateway.post("/api/portfolio/projects/" + id + "/assessment", """
                {"strategicAlignment": 4, "userValue": 4, "agentValue": 3, "legalObligation": 2, "feasibility": 4,
                 "risk": 1, "status": "APPROVED", "version": 42}""", agent, null);
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        // judged once the read model shows the assessment itself, not on the state it had before
        JsonNode after = Territory.awaitOk(() -> {
            Response read = gateway.get("/api/portfolio/projects/" + id, agent, null);
            return read.status() == 200 && read.json().get("version").asLong() > version ? read
                    : gateway.get("/api/portfolio/no-such-thing", agent, null);
        }).json();
        assertThat(after.get("status").asString()).as("the forged status is ignored").isEqualTo("ASSESSED");
        assertThat(after.get("version").asLong()).isNotEqualTo(42);

        Response instance = gateway.post("/api/governance/instances", """
                {"name": "Comité", "kind": "WORKING_GROUP", "cadence": "MONTHLY", "members": [%s]%s}"""
                .formatted(World.MEMBERS.formatted(t.ville), forged.formatted(chosenId, t.outsider, t.outsider,
                        t.outsider, "CLOSED", t.outsider, UUID.randomUUID())), agent, null);
        JsonNode created = trusted(instance, "/api/governance/instances/", chosenId);
        assertThat(created.get("ownerId").asString()).isEqualTo(t.ville);
        assertThat(created.get("administeringSiren").asString()).isEqualTo(t.ville);
    }

    /**
     * A create with forged fields is accepted with them ignored (the services ignore fields they do not know, and
     * never read these): the resource has a server-chosen id, belongs to the caller, and the tenant the body named
     * does not see it. Returns what was created, as its owner reads it.
     */
    private static JsonNode trusted(Response created, String collection, UUID chosenId) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).isNotEqualTo(chosenId.toString());
        assertThat(gateway.get(collection + chosenId, t.agent(t.ville), null).status()).isEqualTo(404);
        assertThat(gateway.get(collection + id, t.agent(t.outsider), null).status()).isEqualTo(404);
        return Territory.awaitOk(() -> gateway.get(collection + id, t.agent(t.ville), null)).json();
    }

    private static Response send(String method, String path, String body, String token) {
        HttpRequest.Builder request = gateway.request(path, token, null).header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(body);
        return gateway.send(method.equals("PUT") ? request.PUT(publisher) : request.POST(publisher));
    }
}
