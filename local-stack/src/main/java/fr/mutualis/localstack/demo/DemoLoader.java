package fr.mutualis.localstack.demo;

import fr.mutualis.localstack.demo.DemoTerritory.BudgetLine;
import fr.mutualis.localstack.demo.DemoTerritory.Collectivite;
import fr.mutualis.localstack.demo.DemoTerritory.Indicator;
import fr.mutualis.localstack.demo.DemoTerritory.Project;
import fr.mutualis.localstack.demo.DemoTerritory.Tenant;
import fr.mutualis.localstack.issuer.DemoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Loads {@link DemoTerritory} through the gateway, like any client: tokens from the issuer, one tenant at a time
 * ({@code X-Tenant-Id}). Reports one line per step. A call answering anything but 201 fails loudly with its status
 * and problem body, except an endpoint answering 404 on its first call: it is taken as not implemented yet, and
 * the step is skipped with a warning so that the stack still starts while services are incomplete.
 */
public final class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger("fr.mutualis.localstack.demo");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLATFORM_ADMIN = "platform-admin";

    private final URI gateway;
    private final BiFunction<String, String, String> tokenSource;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    /**
     * @param gateway     the gateway's base URL, e.g. {@code http://localhost:8080}
     * @param tokenSource {@code (clientId, secret) -> access token}
     */
    public DemoLoader(URI gateway, BiFunction<String, String, String> tokenSource) {
        this.gateway = gateway;
        this.tokenSource = tokenSource;
    }

    public DemoReport load() {
        long start = System.nanoTime();
        List<DemoReport.Step> steps = new ArrayList<>();
        Map<String, String> roadmapIds = new LinkedHashMap<>();
        Map<String, String> projectIds = new LinkedHashMap<>();
        Map<String, String> projectIdsByKey = new HashMap<>();

        steps.add(step("collectivités", DemoTerritory.COLLECTIVITES.size(), step -> {
            for (Collectivite collectivite : DemoTerritory.COLLECTIVITES) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("siren", collectivite.siren());
                body.put("name", collectivite.name());
                body.put("kind", collectivite.kind());
                body.put("population", collectivite.population());
                if (collectivite.epciSiren() != null) {
                    body.put("epciSiren", collectivite.epciSiren());
                }
                step.post("/api/governance/collectivites", PLATFORM_ADMIN, collectivite.siren(), body,
                        collectivite.name());
            }
        }));

        steps.add(step("roadmaps", DemoTerritory.TENANTS.size(), step -> {
            for (Tenant tenant : DemoTerritory.TENANTS) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("title", tenant.roadmap().title());
                body.put("startYear", tenant.roadmap().startYear());
                body.put("endYear", tenant.roadmap().endYear());
                body.put("axes", tenant.roadmap().axes());
                JsonNode created = step.post("/api/portfolio/roadmaps", tenant.agentClientId(), tenant.siren(), body,
                        tenant.roadmap().title());
                if (created != null) {
                    roadmapIds.put(tenant.siren(), id(created, "/api/portfolio/roadmaps"));
                }
            }
        }));

        int projectTotal = DemoTerritory.projectCount();
        if (roadmapIds.size() < DemoTerritory.TENANTS.size()) {
            steps.add(skipped("projects", projectTotal, "they need the roadmaps"));
        } else {
            steps.add(step("projects", projectTotal, step -> {
                for (Tenant tenant : DemoTerritory.TENANTS) {
                    for (Project project : tenant.projects()) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("roadmapId", roadmapIds.get(tenant.siren()));
                        body.put("title", project.title());
                        body.put("description", project.description());
                        body.put("axis", project.axis());
                        body.put("theme", project.theme());
                        body.put("sponsor", project.sponsor());
                        body.put("manager", project.manager());
                        body.put("plannedStart", project.plannedStart().toString());
                        body.put("plannedEnd", project.plannedEnd().toString());
                        body.put("estimatedInvestmentCents", project.estimatedInvestmentCents());
                        body.put("estimatedOperatingCents", project.estimatedOperatingCents());
                        JsonNode created = step.post("/api/portfolio/projects", tenant.agentClientId(),
                                tenant.siren(), body, project.title());
                        if (created != null) {
                            String id = id(created, "/api/portfolio/projects");
                            projectIds.put(project.title(), id);
                            projectIdsByKey.put(project.key(), id);
                        }
                    }
                }
            }));
        }

        steps.add(step("budget lines", DemoTerritory.budgetLineCount(), step -> {
            for (Tenant tenant : DemoTerritory.TENANTS) {
                for (BudgetLine line : tenant.budgetLines()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("fiscalYear", line.fiscalYear());
                    body.put("section", line.section());
                    body.put("chapter", line.chapter());
                    body.put("label", line.label());
                    String projectId = line.projectKey() == null ? null : projectIdsByKey.get(line.projectKey());
                    if (projectId != null) {
                        body.put("projectId", projectId);
                    }
                    body.put("plannedCents", line.plannedCents());
                    step.post("/api/budget/lines", tenant.agentClientId(), tenant.siren(), body, line.label());
                }
            }
        }));

        steps.add(step("indicators", DemoTerritory.indicatorCount(), step -> {
            for (Tenant tenant : DemoTerritory.TENANTS) {
                for (Indicator indicator : tenant.indicators()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("scopeKind", "TENANT");
                    body.put("scopeId", tenant.siren());
                    body.put("name", indicator.name());
                    body.put("unit", indicator.unit());
                    body.put("baselineValue", indicator.baselineValue());
                    body.put("baselineDate", indicator.baselineDate().toString());
                    body.put("targetValue", indicator.targetValue());
                    body.put("targetDate", indicator.targetDate().toString());
                    body.put("direction", indicator.direction());
                    body.put("frequency", indicator.frequency());
                    step.post("/api/evaluation/indicators", tenant.agentClientId(), tenant.siren(), body,
                            indicator.name());
                }
            }
        }));

        DemoReport report = new DemoReport(steps, roadmapIds, projectIds, Duration.ofNanos(System.nanoTime() - start));
        if (report.complete()) {
            log.info("demo: loaded in {} s: {}", seconds(report.took()), report.summary());
        } else {
            log.warn("demo: PARTIALLY loaded in {} s: {}", seconds(report.took()), report.summary());
        }
        return report;
    }

    /** The body of one step: its posts. */
    private interface StepBody {
        void run(StepCalls calls);
    }

    /** Signals that the step's endpoint answered 404 on its first call. */
    private static final class EndpointMissing extends RuntimeException {
        EndpointMissing(String message) {
            super(message, null, false, false);
        }
    }

    private DemoReport.Step step(String name, int total, StepBody body) {
        StepCalls calls = new StepCalls();
        try {
            body.run(calls);
        } catch (EndpointMissing missing) {
            log.warn("demo: {} SKIPPED: {}", name, missing.getMessage());
            return new DemoReport.Step(name, calls.created, total, "endpoint answered 404");
        }
        log.info("demo: {}/{} {}", calls.created, total, name);
        return new DemoReport.Step(name, calls.created, total, null);
    }

    private static DemoReport.Step skipped(String name, int total, String reason) {
        log.warn("demo: {} SKIPPED: {}", name, reason);
        return new DemoReport.Step(name, 0, total, reason);
    }

    /** The calls of one step; counts what was created. */
    private final class StepCalls {

        private int created;

        /** POSTs {@code body}; answers the parsed response body (null when empty); 404 on the first call skips. */
        JsonNode post(String path, String clientId, String tenant, Map<String, Object> body, String what) {
            HttpResponse<String> response = send(path, clientId, tenant, body, what);
            if (response.statusCode() == 404 && created == 0) {
                throw new EndpointMissing("POST " + path + " answered 404 (not implemented yet?): "
                        + abbreviate(response.body()));
            }
            if (response.statusCode() != 201 && response.statusCode() != 200 && response.statusCode() != 202) {
                throw new DemoLoadException("demo: POST " + path + " for " + what + " (tenant " + tenant + ", client "
                        + clientId + ") answered " + response.statusCode() + ": " + response.body());
            }
            created++;
            String text = response.body();
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        }

        private HttpResponse<String> send(String path, String clientId, String tenant, Map<String, Object> body,
                                          String what) {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(clientId))
                    .header("X-Tenant-Id", tenant)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            // A service that just turned ready may still be opening its routes: retry 502/503 briefly.
            for (int attempt = 1; ; attempt++) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if ((response.statusCode() == 502 || response.statusCode() == 503) && attempt < 4) {
                        Thread.sleep(1000L * attempt);
                        continue;
                    }
                    return response;
                } catch (IOException e) {
                    throw new DemoLoadException("demo: POST " + path + " for " + what + " failed: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoLoadException("demo: interrupted", e);
                }
            }
        }
    }

    private String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> tokenSource.apply(id, DemoClients.SECRET));
    }

    private static String id(JsonNode created, String path) {
        JsonNode id = created.get("id");
        if (id == null || id.isNull()) {
            throw new DemoLoadException("demo: POST " + path + " answered without an id: " + created);
        }
        return id.asString();
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
