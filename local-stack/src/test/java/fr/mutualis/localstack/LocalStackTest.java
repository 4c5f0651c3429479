package fr.mutualis.localstack;

import fr.mutualis.localstack.demo.DemoLoader;
import fr.mutualis.localstack.demo.DemoReport;
import fr.mutualis.localstack.demo.DemoTerritory;
import fr.mutualis.localstack.launcher.AotCache;
import fr.mutualis.localstack.launcher.JarLocator;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole orchestration with real PostgreSQL, Kafka and issuer, the five apps replaced by {@link FakeApp} jars:
 * environment, readiness, demo loading through the "gateway", stopping and restarting one app, stopping all.
 */
class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path BASE = Path.of(System.getProperty("java.io.tmpdir")).resolve("local-stack-test");
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        Path jars = fakeJars(BASE.resolve("jars"));
        // a first start after a build: no extracted jar, no cache
        org.springframework.util.FileSystemUtils.deleteRecursively(BASE.resolve("work").resolve("aot"));
        org.springframework.util.FileSystemUtils.deleteRecursively(BASE.resolve("work").resolve("jars"));
        stack = LocalStack.builder()
                .randomPorts()
                .workDir(BASE.resolve("work"))
                .extractedJarsDir(BASE.resolve("work").resolve("jars"))
                .aotCache(true)
                .jarsDir(jars)
                .instances("evaluation-service", 2)
                .jvmOptions(List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"))
                .readinessTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(5))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void servicesGetTheirDatabaseKafkaAndIssuer() throws Exception {
        Map<String, String> env = env("portfolio-service");

        assertThat(env).containsEntry("SERVER_PORT", String.valueOf(stack.appPort("portfolio")))
                .containsEntry("SPRING_DATASOURCE_URL", stack.jdbcUrl("portfolio"))
                .containsEntry("SPRING_DATASOURCE_USERNAME", "mutualis")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "mutualis")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers())
                .containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false")
                .containsEntry("MUTUALIS_SECURITY_ISSUER_URI", stack.issuerUrl())
                .containsEntry("MUTUALIS_SECURITY_JWK_SET_URI", stack.issuerUrl() + "/oauth2/jwks")
                .containsEntry("parent-pid", String.valueOf(ProcessHandle.current().pid()));
    }

    @Test
    void everyAppAndInstanceRunsWithTwoMallocArenas() throws Exception {
        assumeTrue(System.getenv("MALLOC_ARENA_MAX") == null, "the launcher's own MALLOC_ARENA_MAX would win");

        for (StackApp app : StackApp.values()) {
            assertThat(env(app.module())).as(app.module()).containsEntry("MALLOC_ARENA_MAX", "2");
        }
        assertThat(env("http://localhost:" + stack.instancePort("evaluation-service", 1)))
                .containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void theGatewayGetsTheRoutes() throws Exception {
        Map<String, String> env = env("gateway");

        assertThat(env).containsEntry("MUTUALIS_ROUTES_PORTFOLIO_URI", stack.appUrl("portfolio"))
                .containsEntry("MUTUALIS_ROUTES_BUDGET_URI", stack.appUrl("budget"))
                .containsEntry("MUTUALIS_ROUTES_GOVERNANCE_URI", stack.appUrl("governance"))
                // this stack runs two evaluation instances: the gateway gets both addresses
                .containsEntry("MUTUALIS_ROUTES_EVALUATION_URI",
                        stack.appUrl("evaluation") + ",http://localhost:" + stack.instancePort("evaluation", 1))
                .containsEntry("MUTUALIS_SECURITY_ISSUER_URI", stack.issuerUrl())
                .doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void aSecondInstanceRunsOnItsOwnPortAndTheGatewayBalancesOverBoth() throws Exception {
        int second = stack.instancePort("evaluation", 1);
        Map<String, String> env = env("http://localhost:" + second);
        assertThat(env).containsEntry("SERVER_PORT", String.valueOf(second))
                .containsEntry("SPRING_DATASOURCE_URL", stack.jdbcUrl("evaluation"));
        assertThat(second).isNotEqualTo(stack.appPort("evaluation"));
        assertThat(env("gateway")).containsEntry("MUTUALIS_ROUTES_EVALUATION_URI",
                stack.appUrl("evaluation") + ",http://localhost:" + second);

        stack.killInstance("evaluation", 1);
        assertThat(stack.isAppRunning("evaluation")).as("the first instance is untouched").isTrue();
        stack.startInstance("evaluation", 1);
        assertThat(env("http://localhost:" + second)).containsEntry("SERVER_PORT", String.valueOf(second));
    }

    @Test
    void theWholeDemoTerritoryWentThroughTheGateway() throws Exception {
        DemoReport report = stack.demoReport().orElseThrow();

        assertThat(report.complete()).isTrue();
        // every step of the loader (DemoLoaderTest states them and their order)
        assertThat(report.steps()).extracting(DemoReport.Step::name).containsExactlyElementsOf(DemoLoader.STEPS);
        assertThat(report.ids()).containsKeys(DemoTerritory.MUTUALISATION, "valmont", "shared", "m-gis",
                "valmont-council", "c-ap-cloud", "v-l-accounting");
        Map<String, Integer> calls = get(stack.gatewayUrl() + "/calls").body().lines()
                .map(line -> line.split("="))
                .collect(Collectors.toMap(parts -> parts[0], parts -> Integer.parseInt(parts[1])));
        assertThat(calls).containsEntry("POST /api/governance/collectivites", DemoTerritory.COLLECTIVITES.size())
                .containsEntry("POST /api/portfolio/projects", (int) DemoTerritory.projects().count())
                .containsEntry("POST /api/governance/sessions/{id}/close", (int) DemoTerritory.sessions().count())
                .containsEntry("POST /api/budget/votes", DemoTerritory.budgetOwners().size())
                .containsEntry("POST /api/budget/engagements/{id}/mandates", (int) DemoTerritory.mandates().count())
                .containsEntry("PUT /api/budget/transfer-rates/" + DemoTerritory.FISCAL_YEAR,
                        DemoTerritory.TRANSFER_RATES.size())
                .containsEntry("POST /api/budget/transfers", DemoTerritory.TRANSFERS.size())
                .containsEntry("PUT /api/evaluation/self-assessment", DemoTerritory.TENANTS.size());
    }

    @Test
    void theStartUpTellsTheTimeOfEachPhaseAndOfEachAppWithItsCpu() {
        StartupReport report = stack.startupReport();

        assertThat(report.phases()).extracting(StartupReport.Phase::name)
                .containsExactly("infrastructure", "apps", "demo");
        assertThat(report.phase("infrastructure").orElseThrow().parts()).extracting(StartupReport.Part::name)
                .containsExactlyInAnyOrder("postgres", "kafka", "issuer", "jars");
        // the apps the demo goes through first; the console and the reporting job beside the demo's load
        assertThat(report.phase("apps").orElseThrow().parts()).extracting(StartupReport.Part::name)
                .containsExactlyInAnyOrder("gateway", "portfolio-service", "budget-service", "governance-service",
                        "evaluation-service", "evaluation-service"); // and its second instance
        StartupReport.Phase demo = report.phase("demo").orElseThrow();
        assertThat(demo.parts()).extracting(StartupReport.Part::name)
                .containsExactlyInAnyOrder(LocalStack.DEMO_TERRITORY, "console", "reporting-job");
        assertThat(demo.part(LocalStack.DEMO_TERRITORY).orElseThrow().took())
                .isEqualTo(stack.demoReport().orElseThrow().took());
        assertThat(java.util.stream.Stream.concat(report.phase("apps").orElseThrow().parts().stream(),
                demo.parts().stream().filter(part -> !part.name().equals(LocalStack.DEMO_TERRITORY))))
                .allSatisfy(app -> assertThat(app.cpu()).isPositive().isLessThan(report.total().multipliedBy(2)));
        Duration phases = report.phases().stream().map(StartupReport.Phase::took).reduce(Duration.ZERO, Duration::plus);
        assertThat(report.total()).isGreaterThanOrEqualTo(phases);
        assertThat(demo.took()).isGreaterThanOrEqualTo(demo.part(LocalStack.DEMO_TERRITORY).orElseThrow().took());
        assertThat(report.line()).contains("| infrastructure ", "postgres ", "| apps ", "portfolio-service ", " cpu ",
                "| demo ", "territory ", "console ");
    }

    @Test
    void theConsoleAndTheReportingJobAreLaunchedOnceTheAppsTheDemoNeedsAreReady() {
        // an app was ready no earlier than its launch plus the time the report gives it (counted after the launch)
        long lastReady = stack.startupReport().phase("apps").orElseThrow().parts().stream()
                .mapToLong(app -> launchedAt(app.name()) + app.took().toMillis()).max().orElseThrow();

        assertThat(Math.min(launchedAt("console"), launchedAt("reporting-job"))).isGreaterThanOrEqualTo(lastReady);
    }

    /** When the app's JVM was launched: the first line of its log, written by the stack before the launch. */
    private static long launchedAt(String module) {
        try {
            String first = Files.readAllLines(stack.logFile(module)).getFirst();
            return java.time.OffsetDateTime.parse(first.substring(first.lastIndexOf(", ") + 2)).toInstant()
                    .toEpochMilli();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theAppsStartFromTheirJarsExtractedBesideTheServersStart() throws Exception {
        Path extracted = BASE.resolve("work").resolve("jars").toAbsolutePath();

        assertThat(env("portfolio-service").get("jar")).startsWith(extracted.resolve("portfolio-service-").toString());
        assertThat(env("evaluation-service").get("jar")).startsWith(extracted.resolve("evaluation-service-").toString());
    }

    @Test
    void theAppsGetACacheForTheNextStart() throws Exception {
        assumeTrue(AotCache.supported(Runtime.version()), "needs JDK " + AotCache.FIRST_JDK);
        Path aot = BASE.resolve("work").resolve("aot").toAbsolutePath();
        // trained one after the other in the background once the stack was ready
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!java.util.Arrays.stream(StackApp.values())
                .allMatch(app -> Files.isRegularFile(aot.resolve(app.module()).resolve(AotCache.CACHE_FILE)))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(StackApp.values()).allSatisfy(app -> assertThat(aot.resolve(app.module())
                .resolve(AotCache.CACHE_FILE)).isRegularFile());
    }

    @Test
    void oneDatabasePerServiceOwnedByTheApplicationRole() throws Exception {
        for (String database : new String[] {"portfolio", "budget", "governance", "evaluation"}) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database),
                    LocalStack.DB_USERNAME, LocalStack.DB_PASSWORD);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(database);
                connection.createStatement().execute("CREATE TABLE probe (id int)");
            }
        }
    }

    @Test
    void everyTopicAndDeadLetterTopicWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            var topics = admin.describeTopics(fr.mutualis.contracts.Topics.allWithDeadLetters())
                    .allTopicNames().get();
            assertThat(topics).hasSize(8);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void tokensComeFromTheIssuer() {
        assertThat(stack.token("valmont-agent", "demo")).startsWith("ey");
        stack.registerClient("test-client", "pw", java.util.List.of("210000022"), java.util.List.of("AGENT"));
        assertThat(stack.token("test-client", "pw")).startsWith("ey");
    }

    @Test
    void oneAppCanBeStoppedAndStartedAgain() throws Exception {
        long before = pidOf("budget-service");

        stack.stopApp("budget-service");
        assertThat(stack.isAppRunning("budget")).isFalse();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        stack.startApp("budget");
        assertThat(stack.isAppReady("budget-service")).isTrue();
        assertThat(pidOf("budget-service")).isNotEqualTo(before);

        stack.restartApp("evaluation");
        assertThat(stack.isAppReady("evaluation")).isTrue();
        assertThat(Files.readString(stack.logFile("budget"))).contains("fake app up on port").contains("=== local-stack");
    }

    @Test
    void anAsideRunsBesideTheAppWithItsOverridesUntilClosed() throws Exception {
        long gateway = pidOf("gateway");
        LocalStack.Aside aside = stack.startAside("gateway", Map.of("MUTUALIS_GATEWAY_RATELIMIT_BURSTCAPACITY", "40"));
        String port = aside.url().substring(aside.url().lastIndexOf(':') + 1);
        try {
            assertThat(env(aside.url())).as("the stack's environment of the app, its port, the override")
                    .containsEntry("SERVER_PORT", port)
                    .containsEntry("MUTUALIS_GATEWAY_RATELIMIT_BURSTCAPACITY", "40")
                    .containsEntry("MUTUALIS_ROUTES_PORTFOLIO_URI", stack.appUrl("portfolio"))
                    .containsEntry("MUTUALIS_SECURITY_ISSUER_URI", stack.issuerUrl());
            assertThat(env("gateway")).as("the stack's own instance, untouched")
                    .containsEntry("SERVER_PORT", String.valueOf(stack.appPort("gateway")))
                    .doesNotContainKey("MUTUALIS_GATEWAY_RATELIMIT_BURSTCAPACITY");
            assertThat(pidOf("gateway")).isEqualTo(gateway);
        } finally {
            aside.close();
        }
        assertThatThrownBy(() -> get(aside.url() + "/env")).as("closed: its JVM is gone")
                .isInstanceOf(java.net.ConnectException.class);
        assertThat(stack.isAppReady("gateway")).isTrue();
    }

    /**
     * The README's example of launching only some apps: the demo goes through services that are not launched, so it
     * is not loaded and the stack starts. It used to be loaded, and its first call to a missing service failed the start.
     */
    @Test
    void aStackWithoutAServiceTheDemoGoesThroughStartsWithoutLoadingIt() {
        try (LocalStack subset = LocalStack.builder()
                .randomPorts()
                .workDir(BASE.resolve("subset-work"))
                .jarsDir(BASE.resolve("jars"))
                .apps(List.of("gateway", "portfolio-service"))
                .jvmOptions(List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"))
                .readinessTimeout(Duration.ofSeconds(60))
                .stopGrace(Duration.ofSeconds(5))
                .registerShutdownHook(false)
                .build()
                .start()) {
            assertThat(subset.isAppReady("gateway")).isTrue();
            assertThat(subset.isAppReady("portfolio-service")).isTrue();
            assertThat(subset.startupReport().phases()).extracting(StartupReport.Phase::name)
                    .as("no demo phase").doesNotContain("demo");
        }
    }

    private static long pidOf(String app) {
        return stack.appPid(app).orElseThrow();
    }

    /** The environment an app (by name) or an instance (by its URL) was launched with. */
    private static Map<String, String> env(String app) throws Exception {
        String url = app.startsWith("http") ? app : stack.appUrl(app);
        return get(url + "/env").body().lines()
                .map(line -> line.split("=", 2))
                .filter(parts -> parts.length == 2)
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1], (a, b) -> b));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The fake app's jar copied under every app's name. */
    private static Path fakeJars(Path dir) throws Exception {
        Path jar = FakeApp.jar(dir);
        for (StackApp app : StackApp.values()) {
            Files.copy(jar, dir.resolve(app.module() + "-" + JarLocator.VERSION + "-" + JarLocator.CLASSIFIER + ".jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }
}
