package fr.mutualis.localstack.demo;

import com.sun.net.httpserver.HttpServer;
import fr.mutualis.contracts.HttpContract;
import fr.mutualis.localstack.FakeApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader against an in-process fake gateway ({@link FakeApp}'s answers, some overridden): every call must
 * succeed, a refusal or an effect that never comes fails the load with what went wrong.
 */
class DemoLoaderTest {

    private static final Pattern ID = Pattern.compile("/[0-9a-fA-F-]{9,}");
    private static final String PROBLEM = "{\"type\":\"https://mutualis.fr/problems/credits-exceeded\","
            + "\"status\":422,\"detail\":\"Engaging would exceed the voted credits\"}";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** Each call as in {@link #calls}, with the Idempotency-Key it carried ({@code -} for none). */
    private final List<String> keyed = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger inFlightAtMost = new AtomicInteger();
    /** Calls in flight at once at most, by kind of call: method and path, ids replaced by {@code *}. */
    private final Map<String, Integer> kindInFlightAtMost = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> kindInFlight = new ConcurrentHashMap<>();
    /** Calls in flight at once at most, by method and path (ids kept). */
    private final Map<String, Integer> pathInFlightAtMost = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pathInFlight = new ConcurrentHashMap<>();
    /** Each client whose token the loader asked for, and how many calls it had made then. */
    private final List<String> tokensFetched = new CopyOnWriteArrayList<>();
    /** The calls the fake gateway answers only after twice the loader's time-out. */
    private BiPredicate<String, String> slowAnswer = (method, path) -> false;
    private HttpServer server;

    /** Answers a call (by the client named) differently from the fake services, or empty to keep their answer. */
    private interface Override {
        Optional<FakeApp.Answer> answer(String method, String path, String client);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void loadsEveryStepCompletelyWithTheClientsOfEachTenant() throws IOException {
        DemoReport report = loader(noOverride()).load();

        assertThat(report.complete()).isTrue();
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.loaded()).isEqualTo(step.total()).isPositive());
        assertThat(report.ids()).containsKeys(DemoTerritory.MUTUALISATION, "valmont", "shared", "v-accounting",
                "mutualisation-strategic", "v-ap-accounting", "v-l-accounting");
        assertThat(calls).contains("POST /api/governance/collectivites platform-admin",
                "PUT /api/governance/collectivites/210000022/elected-lead valmont-elu",
                "POST /api/portfolio/roadmaps cagv-shared-admin", "POST /api/budget/votes aulnes-agent",
                "PUT /api/budget/transfer-rates/2026 valmont-agent", "POST /api/budget/transfers valmont-agent",
                "PUT /api/evaluation/self-assessment staubin-agent");
    }

    @Test
    void aRefusedCallFailsTheLoadWithItsStatusAndProblemBodyAndNothingIsSentAfterIt() throws Exception {
        DemoLoader loader = loader((method, path, client) -> path.endsWith("/engagements")
                ? Optional.of(new FakeApp.Answer(422, PROBLEM)) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("POST /api/budget/lines/").hasMessageContaining("/engagements")
                .hasMessageContaining("answered 422").hasMessageContaining(PROBLEM);
        int sent = calls.size();
        // the lines' engagements go side by side: each line's first one was in flight, none came after a refusal
        List<String> engagements = calls.stream().filter(call -> call.contains("/engagements")).toList();
        assertThat(engagements).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(DemoTerritory.BUDGET_LINES.size());
        assertThat(calls).noneMatch(call -> call.contains("/mandates") || call.contains("/transfers")
                || call.contains("/barometer"));
        // every part of the load has stopped when it fails: none goes on calling in the background
        Thread.sleep(300);
        assertThat(calls).hasSize(sent);
    }

    @Test
    void independentPartsLoadSideBySideEachInItsOrder() throws IOException {
        DemoReport report = loader(noOverride(), Duration.ofSeconds(1), Duration.ofMillis(10)).load();

        assertThat(report.complete()).isTrue();
        assertThat(inFlightAtMost.get()).as("calls in flight at once").isGreaterThanOrEqualTo(3);
        // each part keeps its order, and waits for what it names: projects, séances, mandates
        assertThat(lastIndexOf("POST /api/portfolio/projects ")).isLessThan(firstIndexOf("POST /api/budget/programmes"))
                .isLessThan(firstIndexOf("/assessment "));
        assertThat(lastIndexOf("POST /api/governance/instances ")).isLessThan(firstIndexOf("/sessions "));
        assertThat(lastIndexOf("/assessment ")).isLessThan(firstIndexOf("/sessions "));
        assertThat(lastIndexOf("/close ")).isLessThan(firstIndexOf("/revisions "))
                .isLessThan(firstIndexOf("GET /api/portfolio/roadmaps/"));
        assertThat(lastIndexOf("/mandates ")).isLessThan(firstIndexOf("/revisions "));
        assertThat(lastIndexOf("/indicators ")).isLessThan(firstIndexOf("/measurements "));
        assertThat(calls.stream().filter(call -> !call.contains("/barometer")).count())
                .isEqualTo(firstIndexOf("/barometer "));
        // the report keeps the steps' order whatever order they ended in
        assertThat(report.steps()).extracting(DemoReport.Step::name).containsExactly("collectivités",
                "élus au numérique", "mutualisations", "roadmaps", "projects", "assessments", "governance instances",
                "séances held and closed", "decisions applied by portfolio", "projects under way", "milestones",
                "what-if scenarios", "programmes (AP/CP)", "budget lines", "BP votes", "engagements", "mandates", "AP revisions",
                "delegations of transfers", "transfers between chapters", "shared-cost allocations",
                "indicators", "measurements", "self-assessments", "barometer profiles");
    }

    @Test
    void theCallsOfTheLongestChainGoSideBySideWhereTheyAreIndependent() throws IOException {
        DemoReport report = loader(noOverride(), Duration.ofSeconds(1), Duration.ofMillis(50)).load();

        assertThat(report.complete()).isTrue();
        // the communes once their EPCI exists, each tenant's élu, each roadmap and its projects, each instance's séances
        assertThat(kindInFlightAtMost).hasEntrySatisfying("POST /api/governance/collectivites",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("PUT /api/governance/collectivites/*/elected-lead",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/portfolio/roadmaps", most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/portfolio/projects", most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/portfolio/projects/*/assessment",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/governance/instances/*/sessions",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/governance/sessions/*/decisions",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                // the budget's part, the longest once the séances went side by side (its first programme alone, two
                // programmes after it: too few to count on them overlapping on a loaded machine)
                .hasEntrySatisfying("POST /api/budget/lines", most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/budget/votes", most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/budget/lines/*/engagements",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2))
                .hasEntrySatisfying("POST /api/budget/engagements/*/mandates",
                        most -> assertThat(most).isGreaterThanOrEqualTo(2));
        assertThat(report.steps()).filteredOn(step -> step.name().startsWith("séances"))
                .singleElement().satisfies(step -> assertThat(step.toString()).contains("25 decisions"));
    }

    @Test
    void theStepsAroundTheSeancesGoSideBySideWhereTheyAreIndependent() throws IOException {
        DemoReport report = loader(noOverride(), Duration.ofSeconds(1), Duration.ofMillis(50)).load();

        assertThat(report.complete()).isTrue();
        // never two votes of one séance at once: they would queue on its instance's lock in governance
        assertThat(pathInFlightAtMost.entrySet()).filteredOn(path -> path.getKey().endsWith("/decisions"))
                .allSatisfy(path -> assertThat(path.getValue()).isEqualTo(1));
        // the assessments and starts of one roadmap's projects (each project its own aggregate), the decisions awaited,
        // the milestones of different projects, the scenarios, the self-assessments and the barometers: each of them
        // one call after another before
        assertThat(List.of("POST /api/portfolio/projects/*/assessment valmont-agent",
                "POST /api/portfolio/projects/*/start valmont-agent", "GET /api/portfolio/projects/*",
                "GET /api/portfolio/roadmaps/*", "POST /api/portfolio/projects/*/milestones",
                "POST /api/portfolio/roadmaps/*/scenarios", "PUT /api/evaluation/self-assessment",
                "GET /api/evaluation/barometer")).allSatisfy(kind -> assertThat(kindInFlightAtMost.getOrDefault(kind, 0))
                .as(kind + " in flight at once").isGreaterThanOrEqualTo(2));
        // what each keeps in order: a séance's attendance before its votes, its votes before it closes, a project's
        // milestones in their order before it is delivered
        List<String> seance = calls.stream().filter(call -> call.contains("/api/governance/sessions/")).toList();
        for (int index = 0; index < seance.size(); index++) {
            String call = seance.get(index);
            if (call.contains("/decisions ")) {
                String session = call.substring(0, call.indexOf("/decisions "));
                assertThat(seance.subList(0, index)).anyMatch(before -> before.startsWith(
                        session.replace("POST ", "PUT ") + "/attendance "));
                assertThat(seance.subList(0, index)).noneMatch(before -> before.startsWith(session + "/close "));
            }
        }
        assertThat(lastIndexOf("/milestones/")).isLessThan(firstIndexOf("/deliver "));
    }

    @Test
    void aCallTheGatewayDoesNotAnswerInTimeIsAskedAgainWithTheSameKey() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        // the first collectivité's answer comes after the loader's time-out: it was committed all the same
        slowAnswer = (method, path) -> path.equals("/api/governance/collectivites") && attempts.incrementAndGet() == 1;
        // asked again with its key, governance answers what the first attempt created (service-kit's Creations)
        Override replayed = (method, path, client) -> path.equals("/api/governance/collectivites")
                && attempts.get() == 2 ? Optional.of(new FakeApp.Answer(200, "")) : Optional.empty();

        DemoReport report = loader(replayed, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(300)).load();

        assertThat(report.complete()).isTrue();
        List<String> first = keyed.stream().filter(call -> call.startsWith("POST /api/governance/collectivites "))
                .limit(2).toList();
        assertThat(first).hasSize(2).containsOnly(first.getFirst());
    }

    @Test
    void everyTokenIsFetchedBeforeTheFirstCallSideBySide() throws IOException {
        loader(noOverride()).load();

        // fetched on the way, the élus' and the agents' tokens each came on the path of their step's first call
        assertThat(tokensFetched).hasSize(10).allMatch(fetched -> fetched.endsWith(" after 0 calls"));
    }

    @Test
    void tokensFetchedAheadAreNotFetchedAgainByTheLoad() throws IOException {
        DemoLoader loader = loader(noOverride());
        loader.fetchTokens();
        int fetched = tokensFetched.size();

        loader.load();

        assertThat(fetched).isEqualTo(10);
        assertThat(tokensFetched).hasSize(fetched);
    }

    @Test
    void aDecisionAppliedSoonIsSeenSoonAfter() throws IOException {
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        // portfolio applies each decision between the loader's first and second look at it
        Override appliedAfterTheFirstLook = (method, path, client) -> method.equals("GET")
                && path.startsWith("/api/portfolio/") && polls.computeIfAbsent(path, key -> new AtomicInteger())
                .getAndIncrement() == 0 ? Optional.of(new FakeApp.Answer(200, "{\"status\":\"DRAFT\"}"))
                : Optional.empty();

        DemoReport report = loader(appliedAfterTheFirstLook, Duration.ofSeconds(10)).load();

        assertThat(report.complete()).isTrue();
        assertThat(polls.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(2));
        // 20 decisions, each looked at twice: half a second between looks, one decision after the other, was 10 s
        assertThat(report.steps()).filteredOn(step -> step.name().equals("decisions applied by portfolio"))
                .singleElement().satisfies(step -> assertThat(step.took()).isLessThan(Duration.ofSeconds(2)));
    }

    @Test
    void anEndpointAnswering404FailsTheLoadInsteadOfBeingSkipped() throws IOException {
        DemoLoader loader = loader((method, path, client) -> path.startsWith("/api/budget/")
                ? Optional.of(new FakeApp.Answer(404, "{\"status\":404,\"title\":\"Not Found\"}")) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("POST /api/budget/programmes").hasMessageContaining("answered 404");
        // the programmes go side by side: those in flight, and nothing of the budget after them
        assertThat(calls).filteredOn(call -> call.startsWith("POST /api/budget/"))
                .allMatch(call -> call.startsWith("POST /api/budget/programmes "))
                .hasSizeLessThanOrEqualTo(DemoTerritory.PROGRAMMES.size());
    }

    @Test
    void aDecisionNeverAppliedFailsTheLoadAfterTheBoundNamingWhatItWaitedFor() throws IOException {
        DemoLoader loader = loader((method, path, client) -> method.equals("GET") && path.contains("/api/portfolio/roadmaps/")
                ? Optional.of(new FakeApp.Answer(200, "{\"status\":\"DRAFT\"}")) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("timed out").hasMessageContaining("to be ADOPTED")
                .hasMessageContaining("\"status\":\"DRAFT\"");
        assertThat(calls).noneMatch(call -> call.endsWith("/start valmont-agent"));
    }

    @Test
    void aServiceThatHasNotHeardOfTheMutualisationYetIsAskedAgain() throws IOException {
        AtomicInteger refusals = new AtomicInteger();
        Override notHeardOfYet = (method, path, client) -> {
            boolean sharedRoadmap = path.equals("/api/portfolio/roadmaps") && client.equals("cagv-shared-admin");
            if (sharedRoadmap && refusals.get() < 2) {
                refusals.incrementAndGet();
                return Optional.of(new FakeApp.Answer(404, "{\"status\":404,\"title\":\"Not Found\"}"));
            }
            return Optional.empty();
        };

        DemoReport report = loader(notHeardOfYet, Duration.ofSeconds(10)).load();

        assertThat(report.complete()).isTrue();
        assertThat(calls).filteredOn("POST /api/portfolio/roadmaps cagv-shared-admin"::equals).hasSize(3);
    }

    @Test
    void aCallRefusedWhileTheGatewaysCircuitBreakerIsOpenIsAskedAgainForLongerThanItStaysOpen() throws IOException {
        AtomicInteger refusals = new AtomicInteger();
        Override breakerOpen = (method, path, client) -> path.equals("/api/portfolio/roadmaps")
                && refusals.incrementAndGet() <= 5
                ? Optional.of(new FakeApp.Answer(503, "{\"status\":503,\"detail\":\"portfolio-service is unavailable\"}"))
                : Optional.empty();

        DemoReport report = loader(breakerOpen).load();

        assertThat(report.complete()).isTrue();
        // portfolio's first write goes alone (asked again until it passes), the other roadmaps after it
        List<String> roadmaps = calls.stream().filter(call -> call.startsWith("POST /api/portfolio/roadmaps ")).toList();
        assertThat(roadmaps).hasSize(DemoTerritory.ROADMAPS.size() + 5);
        assertThat(roadmaps.subList(0, 6)).containsOnly(roadmaps.getFirst());
    }

    @Test
    void aPostAskedAgainAfterA503CarriesTheSameIdempotencyKeySoThatItCreatesNothingTwice() throws IOException {
        AtomicInteger refusals = new AtomicInteger();
        // the gateway's answer when the service took longer than its time-out: the project may have been created
        Override timedOut = (method, path, client) -> path.equals("/api/portfolio/projects")
                && refusals.incrementAndGet() == 1
                ? Optional.of(new FakeApp.Answer(503, "{\"status\":503,\"detail\":\"portfolio-service is unavailable\"}"))
                : Optional.empty();

        DemoReport report = loader(timedOut).load();

        assertThat(report.complete()).isTrue();
        List<String> projects = keyed.stream().filter(call -> call.startsWith("POST /api/portfolio/projects ")).toList();
        assertThat(projects).hasSize((int) DemoTerritory.projects().count() + 1);
        // the refused attempt and its retry, one client and one key: the only call twice (projects go side by side)
        assertThat(projects).noneMatch(call -> call.endsWith(" -"));
        assertThat(projects.stream().distinct()).hasSize(projects.size() - 1);
        // every other write its own key: two projects are never taken for one
        List<String> posts = keyed.stream().filter(call -> call.startsWith("POST ")).toList();
        assertThat(posts).noneMatch(call -> call.endsWith(" -"));
        assertThat(posts.stream().map(call -> call.substring(call.lastIndexOf(' ') + 1)).distinct())
                .hasSize(posts.size() - 1);
    }

    private int firstIndexOf(String part) {
        return java.util.stream.IntStream.range(0, calls.size()).filter(i -> calls.get(i).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no call with " + part));
    }

    private int lastIndexOf(String part) {
        return java.util.stream.IntStream.range(0, calls.size()).map(i -> calls.size() - 1 - i)
                .filter(i -> calls.get(i).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no call with " + part));
    }

    private static Override noOverride() {
        return (method, path, client) -> Optional.empty();
    }

    private DemoLoader loader(Override override) throws IOException {
        return loader(override, Duration.ofSeconds(1));
    }

    /** Tokens name their client, so that each call records who made it. */
    private DemoLoader loader(Override override, Duration asyncBound) throws IOException {
        return loader(override, asyncBound, Duration.ZERO);
    }

    /** {@code latency}: how long the fake gateway takes to answer each call. */
    private DemoLoader loader(Override override, Duration asyncBound, Duration latency) throws IOException {
        return loader(override, asyncBound, latency, Duration.ofSeconds(60));
    }

    private DemoLoader loader(Override override, Duration asyncBound, Duration latency, Duration callTimeout)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String client = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ey-".length());
            calls.add(method + " " + path + " " + client);
            keyed.add(method + " " + path + " " + client + " " + Optional.ofNullable(
                    exchange.getRequestHeaders().getFirst(HttpContract.IDEMPOTENCY_KEY_HEADER)).orElse("-"));
            inFlightAtMost.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            String kind = method + " " + ID.matcher(path).replaceAll("/*");
            AtomicInteger sameKind = kindInFlight.computeIfAbsent(kind, key -> new AtomicInteger());
            kindInFlightAtMost.merge(kind, sameKind.incrementAndGet(), Math::max);
            AtomicInteger sameKindAndClient = kindInFlight.computeIfAbsent(kind + " " + client,
                    key -> new AtomicInteger());
            kindInFlightAtMost.merge(kind + " " + client, sameKindAndClient.incrementAndGet(), Math::max);
            AtomicInteger samePath = pathInFlight.computeIfAbsent(method + " " + path, key -> new AtomicInteger());
            pathInFlightAtMost.merge(method + " " + path, samePath.incrementAndGet(), Math::max);
            try {
                Thread.sleep(slowAnswer.test(method, path) ? callTimeout.multipliedBy(2) : latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            sameKind.decrementAndGet();
            sameKindAndClient.decrementAndGet();
            samePath.decrementAndGet();
            FakeApp.Answer answer = override.answer(method, path, client)
                    .orElseGet(() -> FakeApp.answer(method, path, body, exchange.getRequestHeaders().getFirst("X-Tenant-Id")));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return new DemoLoader(URI.create("http://localhost:" + server.getAddress().getPort()),
                (clientId, secret) -> {
                    tokensFetched.add(clientId + " after " + calls.size() + " calls");
                    return "ey-" + clientId;
                }, asyncBound, callTimeout);
    }
}
