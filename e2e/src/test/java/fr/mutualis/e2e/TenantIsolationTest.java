package fr.mutualis.e2e;

import fr.mutualis.e2e.support.OpenApi;
import fr.mutualis.e2e.support.OpenApi.Operation;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Scenarios;
import fr.mutualis.e2e.support.Scenarios.Kind;
import fr.mutualis.e2e.support.Scenarios.Scenario;
import fr.mutualis.e2e.support.Territory;
import fr.mutualis.e2e.support.World;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, enumerated from the API's own description rather than sampled: every operation of the four
 * services' OpenAPI documents (fetched through the gateway) is called across tenant boundaries, with a scenario from
 * {@link Scenarios} saying what isolation means for it. Three relations are covered: a tenant and another tenant's
 * private data; a mutualisation's data and its members (see) versus non-members (404); the administering EPCI and a
 * member's private data (404, the same as a stranger). An operation without a scenario fails the run, by name.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationTest {

    /** The operations some test of this class called, with the answer judged: each one must be, by the last test. */
    private static final Set<String> EXERCISED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static TestHttp gateway;
    private static Territory t;
    private static List<Operation> operations;
    /** The ville's own data, the mutualisation's (administered by the EPCI), and the outsider's own data. */
    private static World villePrivate;
    private static World shared;
    private static World outsiderPrivate;

    @BeforeAll
    static void territory() {
        gateway = Platform.gatewayForInvalidRequests();
        t = Territory.create();
        operations = OpenApi.fetch().operations();
        villePrivate = World.privateOf(t.ville, t.agent(t.ville));
        shared = World.sharedOf(t);
        outsiderPrivate = World.privateOf(t.outsider, t.agent(t.outsider));
    }

    @Test
    void everyDocumentedOperationHasAnIsolationScenario() {
        Set<String> uncovered = new TreeSet<>();
        operations.forEach(operation -> {
            if (!Scenarios.ALL.containsKey(operation.key())) {
                uncovered.add(operation.key());
            }
        });
        assertThat(uncovered).as("operations of the OpenAPI without an isolation scenario in Scenarios.ALL").isEmpty();
        Set<String> documented = new TreeSet<>();
        operations.forEach(operation -> documented.add(operation.key()));
        System.out.printf("isolation: %d documented operations, all with a scenario%n", documented.size());
    }

    @Test
    void anotherTenantAndTheAdministeringEpciGet404OnEveryPrivateResource() {
        long refusedWritesBefore = historySize(villePrivate, t.agent(t.ville));
        JsonNode transfersBefore = transfersOfTheYear(villePrivate, t.agent(t.ville));
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : withPathVariables()) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            Map<String, String> values = scenario.resolve(villePrivate);
            Optional<String> query = scenario.query(villePrivate);
            if (values == null || query.isEmpty()) {
                continue;
            }
            String path = operation.fill(values) + query.get();
            if (scenario.kind() == Kind.READ) {
                calls += check(failures, operation, "owner", call(operation, path, scenario, villePrivate, t.agent(t.ville)),
                        status -> status == 200);
            }
            if (scenario.kind() == Kind.PUBLIC) {
                calls += check(failures, operation, "stranger (public directory)",
                        call(operation, path, scenario, villePrivate, t.agent(t.outsider)), status -> status == 200);
                continue;
            }
            Predicate<Integer> refused = scenario.kind() == Kind.READ ? status -> status == 404
                    : status -> status == 404 || status == 403;
            calls += check(failures, operation, "another tenant",
                    call(operation, path, scenario, villePrivate, t.agent(t.outsider)), refused);
            calls += check(failures, operation, "administering EPCI's shared-service admin",
                    call(operation, path, scenario, villePrivate, t.sharedAdmin()), refused);
            calls += check(failures, operation, "administering EPCI's agent",
                    call(operation, path, scenario, villePrivate, t.agent(t.epci)), refused);
        }
        calls += crossReferences(failures, villePrivate, t.agent(t.outsider), "another tenant", 404);
        System.out.printf("isolation, private data: %d calls%n", calls);
        assertThat(calls).as("calls across tenants on private data").isPositive();
        assertThat(failures).as("isolation failures").isEmpty();
        assertThat(historySize(villePrivate, t.agent(t.ville))).as("refused writes changed nothing")
                .isEqualTo(refusedWritesBefore);
        assertThat(transfersOfTheYear(villePrivate, t.agent(t.ville))).as("refused writes moved no credits")
                .isEqualTo(transfersBefore);
    }

    @Test
    void mutualisationDataIsSeenByItsMembersAndHiddenFromEveryoneElse() {
        long refusedWritesBefore = historySize(shared, t.sharedAdmin());
        JsonNode transfersBefore = transfersOfTheYear(shared, t.sharedAdmin());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : withPathVariables()) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            Map<String, String> values = scenario.resolve(shared);
            Optional<String> query = scenario.query(shared);
            if (values == null || query.isEmpty() || scenario.kind() == Kind.PUBLIC) {
                continue;
            }
            String path = operation.fill(values) + query.get();
            if (scenario.kind() == Kind.ADMINISTRATORS_READ) {
                calls += check(failures, operation, "administrator",
                        call(operation, path, scenario, shared, t.sharedAdmin()), status -> status == 200);
                for (String member : List.of(t.agent(t.ville), t.agent(t.bourg), t.agent(t.epci))) {
                    calls += check(failures, operation, "member or EPCI agent (not an administrator)",
                            call(operation, path, scenario, shared, member), status -> status == 403);
                }
                // a non-member holding the operation's role, so that the answer is about the data, not the role
                calls += check(failures, operation, "non-member",
                        call(operation, path, scenario, shared, t.outsiderSharedAdmin()), status -> status == 404);
            } else if (scenario.kind() == Kind.READ) {
                for (String member : List.of(t.agent(t.ville), t.agent(t.bourg), t.sharedAdmin())) {
                    calls += check(failures, operation, "member or administrator",
                            call(operation, path, scenario, shared, member), status -> status == 200);
                }
                calls += check(failures, operation, "non-member",
                        call(operation, path, scenario, shared, t.agent(t.outsider)), status -> status == 404);
            } else {
                calls += check(failures, operation, "member (sees, does not manage)",
                        call(operation, path, scenario, shared, t.agent(t.ville)), status -> status == 403);
                calls += check(failures, operation, "non-member",
                        call(operation, path, scenario, shared, t.agent(t.outsider)),
                        status -> status == 404 || status == 403);
            }
        }
        calls += crossReferences(failures, shared, t.agent(t.outsider), "non-member", 404);
        calls += crossReferences(failures, shared, t.agent(t.ville), "member (sees, does not manage)", 403);
        System.out.printf("isolation, mutualisation data: %d calls%n", calls);
        assertThat(calls).as("calls on a mutualisation's data").isPositive();
        assertThat(failures).as("isolation failures").isEmpty();
        assertThat(historySize(shared, t.sharedAdmin())).as("refused writes changed nothing").isEqualTo(refusedWritesBefore);
        assertThat(transfersOfTheYear(shared, t.sharedAdmin())).as("refused writes delegated and moved nothing")
                .isEqualTo(transfersBefore);
    }

    /**
     * A transfer takes credits out of one line and into another: naming one line of the caller's and one it may not
     * change is refused as a whole (404 when the caller does not see that line, 403 when it only sees it), and the
     * caller's own line keeps its credits too.
     */
    @Test
    void aTransferBetweenALineOfTheCallerAndALineItMayNotChangeIsRefusedAndMovesNothing() {
        Map<String, JsonNode> before = budgetsOfTheYear();
        record Attempt(String who, String token, World from, World to, int expected) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("another tenant, into the ville's line", t.agent(t.outsider), outsiderPrivate, villePrivate, 404),
                new Attempt("another tenant, out of the ville's line", t.agent(t.outsider), villePrivate, outsiderPrivate, 404),
                new Attempt("member, into the mutualisation's line", t.agent(t.ville), villePrivate, shared, 403),
                new Attempt("member, out of the mutualisation's line", t.agent(t.ville), shared, villePrivate, 403),
                new Attempt("administering EPCI, into a member's line", t.sharedAdmin(), shared, villePrivate, 404),
                new Attempt("administering EPCI, out of a member's line", t.sharedAdmin(), villePrivate, shared, 404));
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Response answer = gateway.post("/api/budget/transfers", """
                    {"fromLineId": "%s", "toLineId": "%s", "amountCents": 100, "reason": "Intrus", "date": "2026-06-30"}"""
                    .formatted(attempt.from().id("secondBudgetLine").orElseThrow(),
                            attempt.to().id("budgetLine").orElseThrow()), attempt.token(), null);
            if (answer.status() != attempt.expected() || !answer.isProblem()) {
                failures.add(attempt.who() + ": " + answer.status() + " " + abbreviate(answer.body()));
            }
        }
        assertThat(failures).as("transfers naming a line the caller may not change").isEmpty();
        assertThat(budgetsOfTheYear()).as("lines' credits and the years' transfers").isEqualTo(before);
    }

    @Test
    void listsRegistersDashboardsAndExportsNeverShowAnotherTenantsRows() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            if (scenario == null || scenario.kind() != Kind.LIST) {
                continue;
            }
            String path = operation.path() + scenario.query();
            calls += leaks(failures, operation, "another tenant", gateway.get(path, t.agent(t.outsider), null),
                    villePrivate, shared);
            calls += leaks(failures, operation, "administering EPCI", gateway.get(path, t.sharedAdmin(), null),
                    villePrivate, outsiderPrivate);
            calls += leaks(failures, operation, "member", gateway.get(path, t.agent(t.ville), null), outsiderPrivate);
            calls += leaks(failures, operation, "other member", gateway.get(path, t.agent(t.bourg), null),
                    villePrivate, outsiderPrivate);
        }
        // and the lists do show what the caller may see, so the absences above are isolation, not emptiness
        for (String path : List.of("/api/portfolio/projects?size=200", "/api/governance/instances?size=200",
                "/api/evaluation/indicators?size=200")) {
            Response member = gateway.get(path, t.agent(t.ville), null);
            assertThat(member.body()).as(path).contains(villePrivate.marker, shared.marker);
        }
        Response export = gateway.get("/api/budget/exports/scdl?fiscalYear=2026&stage=BP", t.agent(t.ville), null);
        assertThat(export.body()).as("the ville's SCDL export").contains(villePrivate.marker);
        Response transfers = gateway.get("/api/budget/transfers?fiscalYear=2026", t.agent(t.ville), null);
        assertThat(transfers.body()).as("the ville's transfers")
                .contains(villePrivate.id("transfer").orElseThrow(), villePrivate.marker);
        System.out.printf("isolation, lists: %d calls%n", calls);
        assertThat(calls).as("calls on lists").isPositive();
        assertThat(failures).as("lists showing another tenant's rows").isEmpty();
    }

    @Test
    void theAdministeringEpciSeesEveryMembersAllocationAndAMemberOnlyItsOwn() {
        String path = "/api/budget/mutualisations/" + t.mutualisation + "/allocations?fiscalYear=2026";
        assertThat(allocatedSirens(gateway.get(path, t.sharedAdmin(), null))).containsExactlyInAnyOrder(t.ville, t.bourg);
        assertThat(allocatedSirens(gateway.get(path, t.agent(t.epci), null))).containsExactlyInAnyOrder(t.ville, t.bourg);
        assertThat(allocatedSirens(gateway.get(path, t.agent(t.ville), null))).containsExactly(t.ville);
        assertThat(allocatedSirens(gateway.get(path, t.agent(t.bourg), null))).containsExactly(t.bourg);
        Response stranger = gateway.get(path, t.agent(t.outsider), null);
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain(t.ville, t.bourg);
    }

    @Test
    void aMutualisationsFiguresAreShownToItsMembersOrAdministratorsOnly() {
        String mutualisation = "mutualisationId=" + t.mutualisation;
        for (String path : List.of("/api/budget/lines?fiscalYear=2026&size=200&" + mutualisation,
                "/api/budget/summary?fiscalYear=2026&" + mutualisation,
                "/api/budget/transfers?fiscalYear=2026&" + mutualisation)) {
            for (String member : List.of(t.agent(t.ville), t.agent(t.bourg), t.sharedAdmin())) {
                Response seen = gateway.get(path, member, null);
                assertThat(seen.status()).as(path + " " + seen).isEqualTo(200);
                assertThat(seen.body()).as(path).doesNotContain(villePrivate.marker, outsiderPrivate.marker);
            }
            Response stranger = gateway.get(path, t.agent(t.outsider), null);
            assertThat(stranger.status()).as(path + " " + stranger).isEqualTo(404);
        }
        assertThat(gateway.get("/api/budget/lines?fiscalYear=2026&size=200&" + mutualisation, t.agent(t.bourg), null)
                .body()).contains(shared.id("budgetLine").orElseThrow());
        assertThat(gateway.get("/api/budget/transfers?fiscalYear=2026&" + mutualisation, t.agent(t.bourg), null)
                .body()).contains(shared.id("transfer").orElseThrow(), shared.marker);
        String dashboard = "/api/evaluation/dashboard?fiscalYear=2026&" + mutualisation;
        Response administrator = gateway.get(dashboard, t.sharedAdmin(), null);
        assertThat(administrator.status()).as(administrator.toString()).isEqualTo(200);
        assertThat(administrator.body()).doesNotContain(villePrivate.marker, outsiderPrivate.marker,
                villePrivate.id("indicator").orElseThrow(), outsiderPrivate.id("indicator").orElseThrow());
        assertThat(gateway.get(dashboard, t.agent(t.ville), null).status()).isEqualTo(403);
        assertThat(gateway.get(dashboard, t.agent(t.outsider), null).status()).isEqualTo(404);
    }

    /**
     * What only a platform administrator may call (rebuilds, registering collectivités and mutualisations): every other
     * caller, of any tenant, gets 403 problem+json, and nothing is registered.
     */
    @Test
    void platformAdministratorOperationsRefuseEveryOtherCaller() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            if (scenario == null || scenario.kind() != Kind.PLATFORM_ADMIN_ONLY) {
                continue;
            }
            for (var caller : Map.of("agent", t.agent(t.ville), "shared-service admin", t.sharedAdmin(),
                    "another tenant's agent", t.agent(t.outsider)).entrySet()) {
                calls += check(failures, operation, caller.getKey(),
                        call(operation, operation.path(), scenario, villePrivate, caller.getValue()), status -> status == 403);
            }
        }
        System.out.printf("isolation, platform administration: %d calls%n", calls);
        assertThat(calls).as("calls to platform-administrator operations").isPositive();
        assertThat(failures).as("platform-administrator operations called by others").isEmpty();
    }

    /**
     * Creations whose body names nothing of another owner (a programme, an indicator of the caller's own scope, the
     * caller's self-assessment, alert thresholds and subscriptions) and the public directory: made by another tenant, the creation is its own and the
     * ville never sees it; the directory lists every collectivité to anyone.
     */
    @Test
    void creationsNamingNoOtherOwnerStayTheCallersAndTheDirectoryIsPublic() {
        String stranger = t.agent(t.outsider);
        List<String> failures = new ArrayList<>();
        Map<String, String> bodies = Map.of(
                "POST /api/budget/programmes", """
                        {"label": "Programme étranger", "chapter": "20", "amountCents": 100,
                         "schedule": [{"year": 2026, "amountCents": 100}]}""",
                "POST /api/evaluation/indicators", """
                        {"scopeKind": "TENANT", "scopeId": "%s", "name": "Indicateur étranger", "unit": "%%",
                         "baselineValue": 1, "baselineDate": "2025-01-01", "targetValue": 2, "targetDate": "2027-12-31",
                         "direction": "UP", "frequency": "ANNUAL"}""".formatted(t.outsider),
                "PUT /api/evaluation/self-assessment", "{\"roles\": [\"CIL\"], \"communication\": [\"TOP_DOWN\"]}",
                "PUT /api/evaluation/alert-settings", "{\"creditsPercent\": 80, \"mandatedPercent\": 80}",
                "PUT /api/evaluation/alert-subscriptions",
                "{\"subscriptions\": [{\"kind\": \"CP_SHORTFALL\", \"mode\": \"DAILY_DIGEST\"}]}");
        Response villeSettings = gateway.get("/api/evaluation/alert-settings", t.agent(t.ville), null);
        Response villeAssessment = gateway.get("/api/evaluation/self-assessment", t.agent(t.ville), null);
        for (Operation operation : operations) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            if (scenario == null || scenario.kind() == Kind.PUBLIC && operation.pathVariables().isEmpty()) {
                if (scenario != null) {
                    check(failures, operation, "another tenant (public directory)",
                            gateway.get(operation.path() + scenario.query(), stranger, null), status -> status == 200);
                }
                continue;
            }
            if (scenario.kind() != Kind.CREATE || scenario.body() != null) {
                continue;
            }
            String body = bodies.get(operation.key());
            if (body == null) {
                failures.add(operation.key() + ": a creation without a body in this test");
                continue;
            }
            Response answer = call(operation, operation.path(), new Scenario(Kind.CREATE, Map.of(), body, null),
                    outsiderPrivate, stranger);
            check(failures, operation, "another tenant, for itself", answer, status -> status == 200 || status == 201);
            if (answer.status() == 201) {
                String collection = operation.path() + "/" + answer.json().get("id").asString();
                Territory.awaitOk(() -> gateway.get(collection, stranger, null));
                Response seen = gateway.get(collection, t.agent(t.ville), null);
                if (seen.status() != 404) {
                    failures.add(operation.key() + ": the ville sees another tenant's creation: " + seen.status());
                }
            }
        }
        Response afterwards = gateway.get("/api/evaluation/self-assessment", t.agent(t.ville), null);
        assertThat(afterwards.body()).as("the ville's self-assessment").isEqualTo(villeAssessment.body());
        assertThat(gateway.get("/api/evaluation/alert-settings", t.agent(t.ville), null).body())
                .as("the ville's alert thresholds").isEqualTo(villeSettings.body());
        assertThat(failures).as("creations of another tenant").isEmpty();
    }

    /** Run last: every documented operation was called by some test of this class, with its answer judged. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedOperationWasCalled() {
        Set<String> missed = new TreeSet<>();
        operations.forEach(operation -> {
            if (!EXERCISED.contains(operation.key())) {
                missed.add(operation.key());
            }
        });
        assertThat(operations).as("documented operations").isNotEmpty();
        assertThat(missed).as("documented operations no test of this class called").isEmpty();
    }

    private static List<String> allocatedSirens(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> sirens = new ArrayList<>();
        answer.json().get("allocations").forEach(share -> sirens.add(share.get("siren").asString()));
        return sirens;
    }

    private List<Operation> withPathVariables() {
        return operations.stream()
                .filter(operation -> !operation.pathVariables().isEmpty())
                .filter(operation -> Scenarios.ALL.containsKey(operation.key()))
                .toList();
    }

    /** Creations whose body names a resource of {@code world}: the caller may not attach anything to it. */
    private int crossReferences(List<String> failures, World world, String token, String who, int expected) {
        int calls = 0;
        for (Operation operation : operations) {
            Scenario scenario = Scenarios.ALL.get(operation.key());
            if (scenario == null || scenario.kind() != Kind.CREATE || scenario.body() == null) {
                continue;
            }
            var body = world.fill(scenario.body());
            if (body.isEmpty()) {
                continue;
            }
            calls += check(failures, operation, who + " referencing " + world.ids().keySet(),
                    gateway.post(operation.path(), body.get(), token, null), status -> status == expected);
        }
        return calls;
    }

    private static int check(List<String> failures, Operation operation, String who, Response answer,
                             Predicate<Integer> expected) {
        EXERCISED.add(operation.key());
        if (!expected.test(answer.status())) {
            failures.add(operation.key() + " as " + who + ": " + answer.status() + " " + abbreviate(answer.body()));
        } else if (answer.status() >= 400 && !answer.isProblem()) {
            failures.add(operation.key() + " as " + who + ": " + answer.status() + " is not problem+json");
        }
        return 1;
    }

    private static int leaks(List<String> failures, Operation operation, String who, Response answer, World... hidden) {
        EXERCISED.add(operation.key());
        if (answer.status() != 200) {
            failures.add(operation.key() + " as " + who + ": " + answer.status() + " " + abbreviate(answer.body()));
            return 1;
        }
        Stream.of(hidden).forEach(world -> {
            world.ids().forEach((resource, id) -> {
                if (!resource.equals("siren") && answer.body().contains(id)) {
                    failures.add(operation.key() + " as " + who + " shows " + resource + " " + id);
                }
            });
            if (answer.body().contains(world.marker)) {
                failures.add(operation.key() + " as " + who + " shows a title of another owner (" + world.marker + ")");
            }
        });
        return 1;
    }

    private static Response call(Operation operation, String path, Scenario scenario, World world, String token) {
        String body = scenario.body() == null ? null : world.fill(scenario.body()).orElse(scenario.body());
        HttpRequest.Builder request = gateway.request(path, token, null);
        return switch (operation.method()) {
            case "GET" -> gateway.send(request.GET());
            case "POST" -> gateway.send(request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
            case "PUT" -> gateway.send(request.header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
            case "DELETE" -> gateway.send(request.DELETE());
            default -> gateway.send(request.method(operation.method(), HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
        };
    }

    /** Events recorded on the world's aggregates, read from their audit trails by their owner. */
    private static long historySize(World world, String ownerToken) {
        long events = 0;
        for (String path : List.of("/api/portfolio/roadmaps/" + world.id("roadmap").orElseThrow() + "/history",
                "/api/portfolio/projects/" + world.id("project").orElseThrow() + "/history",
                "/api/governance/instances/" + world.id("instance").orElseThrow() + "/history")) {
            Response history = gateway.get(path, ownerToken, null);
            assertThat(history.status()).as(path + " " + history).isEqualTo(200);
            events += history.json().size();
        }
        // budget and evaluation keep no history endpoint: a refused write would have moved the version
        for (String path : List.of("/api/budget/lines/" + world.id("budgetLine").orElseThrow(),
                "/api/budget/lines/" + world.id("secondBudgetLine").orElseThrow(),
                "/api/evaluation/indicators/" + world.id("indicator").orElseThrow())) {
            Response current = gateway.get(path, ownerToken, null);
            assertThat(current.status()).as(path + " " + current).isEqualTo(200);
            events += current.json().get("version").asLong();
        }
        if (world.id("programme").isPresent()) {
            String path = "/api/budget/programmes/" + world.id("programme").get();
            Response programme = gateway.get(path, ownerToken, null);
            assertThat(programme.status()).as(path + " " + programme).isEqualTo(200);
            events += programme.json().get("version").asLong();
        }
        return events;
    }

    /** The delegated rates, their use and the transfers of the world's 2026 budget, read by its owner. */
    private static JsonNode transfersOfTheYear(World world, String ownerToken) {
        String path = "/api/budget/transfers?fiscalYear=" + World.FISCAL_YEAR
                + world.id("mutualisation").map(id -> "&mutualisationId=" + id).orElse("");
        Response transfers = gateway.get(path, ownerToken, null);
        assertThat(transfers.status()).as(path + " " + transfers).isEqualTo(200);
        return transfers.json();
    }

    /** Both lines of every world (their credits, transfers and versions) and each world's transfers of the year. */
    private static Map<String, JsonNode> budgetsOfTheYear() {
        Map<String, JsonNode> budgets = new LinkedHashMap<>();
        Map<String, World> worlds = Map.of(t.agent(t.ville), villePrivate, t.sharedAdmin(), shared,
                t.agent(t.outsider), outsiderPrivate);
        worlds.forEach((ownerToken, world) -> {
            for (String line : List.of("budgetLine", "secondBudgetLine")) {
                String path = "/api/budget/lines/" + world.id(line).orElseThrow();
                Response current = gateway.get(path, ownerToken, null);
                assertThat(current.status()).as(path + " " + current).isEqualTo(200);
                budgets.put(path, current.json());
            }
            budgets.put(world.marker + " transfers", transfersOfTheYear(world, ownerToken));
        });
        return budgets;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }
}
