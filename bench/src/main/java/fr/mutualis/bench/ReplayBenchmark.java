package fr.mutualis.bench;

import fr.mutualis.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replay speed of a projection over at least a million events: the portfolio projection rebuilt from scratch by
 * the service's own rebuild ({@code POST /api/portfolio/admin/rebuild}), timed from the service's status.
 * <p>
 * The history is made of real events: a template written through the API (roadmaps, projects, assessments,
 * milestones), then cloned in the event store with every identifier renamed (the first 8 hex digits of each UUID
 * become the clone's number) until the store holds the requested count. The cloned history is marked as already
 * published (the Kafka publisher's token moves to the head) so that only the projection works during the replay.
 * <p>
 * With {@code compare=true} (the default) the same history is rebuilt twice in the run, so that the two compare under
 * the same load: first with the settings of before issue 18's replay work ({@link #BEFORE}: the replay through the
 * processors, their batches of 64, event store pages of 100, Axon's metadata reader), then with the kit's defaults; {@code before=NAME=value;NAME=value}
 * gives the first rebuild other environment variables instead, to measure one setting against the defaults;
 * {@code before-sql=FILE} and {@code after-sql=FILE} run a SQL script on portfolio's database before the first and
 * before the second rebuild, to measure a change on the database's side (a function, a policy) the same way.
 * {@code compare=one-by-one} compares
 * instead the projection's statements run one by one ({@code mutualis.projection.batch-updates=false}) with batched.
 * {@code profile=portfolio-service} records the service with JDK Flight Recorder. Each rebuild prints the CPU per
 * event of the service and of PostgreSQL, which the machine's load does not change as it changes events/s.
 * <p>
 * {@code java -cp bench/target/bench-0.1.0-SNAPSHOT-exec.jar -Dloader.main=fr.mutualis.bench.ReplayBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [events=1000000] [template-projects=200] [compare=true|one-by-one|false]
 * [before=NAME=value;...] [before-sql=FILE after-sql=FILE] [profile=portfolio-service]}
 */
public final class ReplayBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALMONT = "210000022";
    private static final String BATCH_UPDATES = "MUTUALIS_PROJECTION_BATCH_UPDATES";
    /** The kit's replay settings before issue 18's replay work: what {@code compare=true} measures against. */
    private static final Map<String, String> BEFORE = Map.of("MUTUALIS_AXON_BATCH_SIZE", "64",
            "MUTUALIS_AXON_EVENT_STORE_BATCH_SIZE", "100", "MUTUALIS_AXON_KIT_METADATA_READER", "false",
            "MUTUALIS_REBUILD_PAGED", "false");
    private static final String UUID_HEAD = "[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;
    private final String agent;

    private ReplayBenchmark(LocalStack stack) {
        this.stack = stack;
        this.agent = stack.token("valmont-agent");
    }

    public static void main(String[] args) throws Exception {
        BenchStack.quietLogs();
        Map<String, String> options = BenchStack.options(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int templateProjects = Integer.parseInt(options.getOrDefault("template-projects", "200"));
        String compare = options.getOrDefault("compare", "true");
        Map<String, String> before = options.containsKey("before") ? Arrays.stream(options.get("before").split(";"))
                .map(setting -> setting.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]))
                : BEFORE;
        try (LocalStack stack = BenchStack.profiled(BenchStack.builder("replay-stack"), "replay-stack",
                        options.get("profile"))
                .apps(java.util.List.of("gateway", "portfolio-service"))
                .build()
                .start()) {
            new ReplayBenchmark(stack).run(events, templateProjects, compare, before,
                    Optional.ofNullable(options.get("before-sql")).map(Path::of),
                    Optional.ofNullable(options.get("after-sql")).map(Path::of));
        }
    }

    private void run(long targetEvents, int templateProjects, String compare, Map<String, String> settingsBefore,
                     Optional<Path> sqlBefore, Optional<Path> sqlAfter) throws Exception {
        System.out.println("# Projection replay benchmark");
        long templateEvents = writeTemplate(templateProjects);
        System.out.printf(Locale.ROOT, "template: %d events written through the API%n", templateEvents);

        stack.stopApp("portfolio-service");
        String jdbcUrl = stack.jdbcUrl("portfolio");
        long total = cloneHistory(jdbcUrl, templateEvents, targetEvents);
        markProcessed(jdbcUrl);
        stack.startApp("portfolio-service");

        double insertCommits = PhysicalReference.postgresInsertCommitsPerSecond(jdbcUrl, "mutualis", "mutualis",
                Duration.ofSeconds(5));
        System.out.printf(Locale.ROOT, "reference: PostgreSQL single-row INSERT + COMMIT, %.0f /s%n", insertCommits);

        switch (compare) {
            case "true" -> {
                runScript(jdbcUrl, sqlBefore);
                stack.restartApp("portfolio-service", settingsBefore);
                double before = replay("settings before " + settingsBefore + sqlBefore.map(script -> " and " + script).orElse(""),
                        jdbcUrl, total, insertCommits);
                runScript(jdbcUrl, sqlAfter);
                stack.restartApp("portfolio-service", Map.of());
                double after = replay("the kit's defaults", jdbcUrl, total, insertCommits);
                System.out.printf(Locale.ROOT, "%nDefaults / before, same run: %.2f x%n", after / before);
            }
            case "one-by-one" -> {
                stack.restartApp("portfolio-service", Map.of(BATCH_UPDATES, "false"));
                double oneByOne = replay("statements one by one (" + BATCH_UPDATES + "=false)", jdbcUrl, total, insertCommits);
                stack.restartApp("portfolio-service", Map.of());
                double batched = replay("statements batched per processor batch (the default)", jdbcUrl, total, insertCommits);
                System.out.printf(Locale.ROOT, "%nBatched / one by one, same run: %.2f x%n", batched / oneByOne);
            }
            default -> replay("the kit's defaults", jdbcUrl, total, insertCommits);
        }
    }

    /** Runs a SQL script (statements separated by a line holding only {@code ;}) on the database, if given. */
    private static void runScript(String jdbcUrl, Optional<Path> script) throws IOException, SQLException {
        if (script.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "mutualis", "mutualis");
             Statement statement = connection.createStatement()) {
            for (String sql : Files.readString(script.get()).split("(?m)^;$")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        System.out.printf(Locale.ROOT, "ran %s on the database%n", script.get());
    }

    /** One rebuild from scratch, followed through the status endpoint; answers its events/s. */
    private double replay(String variant, String jdbcUrl, long total, double insertCommits) throws Exception {
        System.out.printf(Locale.ROOT, "%n## Rebuild, %s (load average %s)%n", variant, BenchStack.loadAverage());
        String admin = stack.token("platform-admin");
        long rssBefore = portfolioRss();
        double cpuBefore = portfolioCpuSeconds();
        double postgresCpuBefore = ProcessMemory.postgresCpuSeconds(stack.postgresPort());
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/portfolio/admin/rebuild"))
                .header("Authorization", "Bearer " + admin).header("X-Tenant-Id", VALMONT)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        long peakRss = rssBefore;
        JsonNode status;
        while (true) {
            Thread.sleep(1_000);
            status = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/portfolio/admin/rebuild"))
                    .header("Authorization", "Bearer " + admin).header("X-Tenant-Id", VALMONT).GET().build()).body());
            peakRss = Math.max(peakRss, portfolioRss());
            String state = status.get("state").asString();
            System.out.printf(Locale.ROOT, "replay: %s, position %d of %d (%d %%), %.0f events/s so far%n", state,
                    status.get("position").asLong(), status.get("target").asLong(), status.get("percent").asInt(),
                    status.get("perSecond").asDouble());
            if (!state.equals("RUNNING")) {
                break;
            }
        }
        double seconds = Duration.between(java.time.Instant.parse(status.get("startedAt").asString()),
                java.time.Instant.parse(status.get("finishedAt").asString())).toMillis() / 1000.0;
        long projects = countProjects(jdbcUrl);
        System.out.println();
        System.out.printf(Locale.ROOT, "Replayed %d events into portfolio's read models in %.1f s: %.0f events/s%n",
                total, seconds, total / seconds);
        System.out.printf(Locale.ROOT, "= %.2f x the single-row INSERT + COMMIT rate of the same PostgreSQL%n",
                total / seconds / insertCommits);
        System.out.printf(Locale.ROOT, "Read model after the replay: %d projects; portfolio-service RSS %d MB before,"
                + " %d MB at most during the replay; load average %s%n", projects, rssBefore >> 20, peakRss >> 20,
                BenchStack.loadAverage());
        // CPU per event survives the machine's load where events/s does not
        double cpu = portfolioCpuSeconds() - cpuBefore;
        double postgresCpu = ProcessMemory.postgresCpuSeconds(stack.postgresPort()) - postgresCpuBefore;
        System.out.printf(Locale.ROOT, "CPU during the replay: portfolio-service %.1f s = %.0f µs per event, PostgreSQL "
                + "%.1f s = %.0f µs per event%n", cpu, cpu * 1e6 / total, postgresCpu, postgresCpu * 1e6 / total);
        return total / seconds;
    }

    /** Roadmaps with projects, each assessed and given a milestone: the events of a real portfolio. */
    private long writeTemplate(int projects) throws IOException, InterruptedException, SQLException {
        String roadmap = null;
        for (int i = 0; i < projects; i++) {
            if (i % 20 == 0) {
                roadmap = id(post("/api/portfolio/roadmaps", """
                        {"title": "Schéma directeur %d", "startYear": 2026, "endYear": 2028,
                         "axes": ["OPEN_DATA", "DEMATERIALISATION"]}""".formatted(i)));
            }
            String project = id(post("/api/portfolio/projects", """
                    {"roadmapId": "%s", "title": "Projet %d", "description": "Jeux de données", "axis": "OPEN_DATA",
                     "theme": "USER_SERVICES", "sponsor": "Élu", "manager": "DSI", "plannedStart": "2026-03-01",
                     "plannedEnd": "2027-06-30", "estimatedInvestmentCents": 1000000,
                     "estimatedOperatingCents": 200000}""".formatted(roadmap, i)));
            expect(post("/api/portfolio/projects/" + project + "/assessment", """
                    {"strategicAlignment": 4, "userValue": 5, "agentValue": 3, "legalObligation": 2,
                     "feasibility": 4, "risk": 2}"""), 200);
            expect(post("/api/portfolio/projects/" + project + "/milestones",
                    "{\"title\": \"Recette\", \"plannedDate\": \"2026-09-15\"}"), 201);
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("portfolio"), "mutualis", "mutualis");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Clones the template until the store holds {@code target} events, in batches, showing progress. */
    private static long cloneHistory(String jdbcUrl, long templateEvents, long target) throws SQLException {
        long clones = Math.max(0, (target + templateEvents - 1) / templateEvents - 1);
        long perBatch = Math.max(1, 100_000 / templateEvents);
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "mutualis", "mutualis")) {
            long templateHead = head(connection);
            try (PreparedStatement clone = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                                                    time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT gen_random_uuid()::text, meta_data,
                           convert_to(regexp_replace(convert_from(payload, 'UTF8'), ?, lpad(to_hex(k), 8, '0') || '\\1', 'g'), 'UTF8'),
                           payload_revision, payload_type, time_stamp,
                           lpad(to_hex(k), 8, '0') || substr(aggregate_identifier, 9), sequence_number, type
                    FROM domain_event_entry, generate_series(?, ?) AS k
                    WHERE global_index <= ?
                    ORDER BY k, global_index""")) {
                for (long from = 1; from <= clones; from += perBatch) {
                    long to = Math.min(clones, from + perBatch - 1);
                    clone.setString(1, UUID_HEAD);
                    clone.setLong(2, from);
                    clone.setLong(3, to);
                    clone.setLong(4, templateHead);
                    clone.executeUpdate();
                    System.out.printf(Locale.ROOT, "history: %d of %d events (%.0f s)%n", (to + 1) * templateEvents,
                            (clones + 1) * templateEvents, (System.nanoTime() - start) / 1e9);
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The global index of the newest event in the store. */
    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            max.next();
            return max.getLong(1);
        }
    }

    /**
     * Moves the tokens of the Kafka publisher (the cloned history is not for the other services) and of the projection
     * (the rebuild, not a catch-up, is what is measured) to the head of the store.
     */
    private static void markProcessed(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "mutualis", "mutualis")) {
            long head = head(connection);
            try (Statement statement = connection.createStatement();
                 ResultSet tokens = statement.executeQuery(
                         "SELECT processor_name, segment, token FROM token_entry WHERE token_type LIKE '%GapAwareTrackingToken'");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = ?")) {
                while (tokens.next()) {
                    ObjectNode token = (ObjectNode) JSON.readTree(new String(tokens.getBytes("token"), StandardCharsets.UTF_8));
                    token.put("index", head);
                    token.putArray("gaps");
                    update.setBytes(1, JSON.writeValueAsBytes(token));
                    update.setString(2, tokens.getString("processor_name"));
                    update.setInt(3, tokens.getInt("segment"));
                    update.executeUpdate();
                }
            }
        }
    }

    private static long countProjects(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "mutualis", "mutualis");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM project_view")) {
            count.next();
            return count.getLong(1);
        }
    }

    private double portfolioCpuSeconds() {
        return ProcessMemory.cpuSeconds(stack.appPid("portfolio-service").orElseThrow());
    }

    private long portfolioRss() {
        return stack.appPid("portfolio-service").stream()
                .map(ProcessMemory::rssBytes).mapToLong(rss -> rss.orElse(0)).sum();
    }

    /** A cold service may trip the gateway's time limiter on its first calls: those 503 are retried. */
    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + agent)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        for (int attempt = 1; response.statusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(1_000);
            response = send(request);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }

    private static String id(HttpResponse<String> response) {
        expect(response, 201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }
}
