package fr.mutualis.localstack.demo;

import com.sun.net.httpserver.HttpServer;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader against an in-process fake gateway ({@link FakeApp}'s answers, some overridden): every call must
 * succeed, a refusal or an effect that never comes fails the load with what went wrong.
 */
class DemoLoaderTest {

    private static final String PROBLEM = "{\"type\":\"https://mutualis.fr/problems/credits-exceeded\","
            + "\"status\":422,\"detail\":\"Engaging would exceed the voted credits\"}";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Answers a call differently from the fake services, or empty to keep their answer. */
    private interface Override {
        Optional<FakeApp.Answer> answer(String method, String path);
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
    void aRefusedCallFailsTheLoadWithItsStatusAndProblemBodyAndNothingIsSentAfterIt() throws IOException {
        DemoLoader loader = loader((method, path) -> path.endsWith("/engagements")
                ? Optional.of(new FakeApp.Answer(422, PROBLEM)) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("POST /api/budget/lines/").hasMessageContaining("/engagements")
                .hasMessageContaining("answered 422").hasMessageContaining(PROBLEM);
        assertThat(calls.getLast()).startsWith("POST /api/budget/lines/");
        assertThat(calls).noneMatch(call -> call.contains("/mandates") || call.contains("/api/evaluation/"));
    }

    @Test
    void anEndpointAnswering404FailsTheLoadInsteadOfBeingSkipped() throws IOException {
        DemoLoader loader = loader((method, path) -> path.startsWith("/api/budget/")
                ? Optional.of(new FakeApp.Answer(404, "{\"status\":404,\"title\":\"Not Found\"}")) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("POST /api/budget/programmes").hasMessageContaining("answered 404");
        assertThat(calls).filteredOn(call -> call.startsWith("POST /api/budget/")).hasSize(1);
    }

    @Test
    void aDecisionNeverAppliedFailsTheLoadAfterTheBoundNamingWhatItWaitedFor() throws IOException {
        DemoLoader loader = loader((method, path) -> method.equals("GET") && path.contains("/api/portfolio/roadmaps/")
                ? Optional.of(new FakeApp.Answer(200, "{\"status\":\"DRAFT\"}")) : Optional.empty());

        assertThatThrownBy(loader::load).isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("timed out").hasMessageContaining("to be ADOPTED")
                .hasMessageContaining("\"status\":\"DRAFT\"");
        assertThat(calls).noneMatch(call -> call.endsWith("/start valmont-agent"));
    }

    @Test
    void aServiceThatHasNotHeardOfTheMutualisationYetIsAskedAgain() throws IOException {
        AtomicInteger refusals = new AtomicInteger();
        Override notHeardOfYet = (method, path) -> {
            boolean sharedRoadmap = path.equals("/api/portfolio/roadmaps")
                    && calls.getLast().endsWith(" cagv-shared-admin");
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

    private static Override noOverride() {
        return (method, path) -> Optional.empty();
    }

    private DemoLoader loader(Override override) throws IOException {
        return loader(override, Duration.ofSeconds(1));
    }

    /** Tokens name their client, so that each call records who made it. */
    private DemoLoader loader(Override override, Duration asyncBound) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String client = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ey-".length());
            calls.add(method + " " + path + " " + client);
            FakeApp.Answer answer = override.answer(method, path)
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
                (clientId, secret) -> "ey-" + clientId, asyncBound);
    }
}
