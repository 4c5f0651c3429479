package fr.mutualis.portfolio.config;

import fr.mutualis.kit.axon.ProcessorNodes;
import fr.mutualis.portfolio.PortfolioApplication;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database: each runs half of every processor's segments (projection and Kafka
 * publisher), and when one leaves the other takes over all of them, with every acknowledged write projected once.
 * Its own database and consumer group: the instances must not share work with the other tests' cached context.
 */
class InstancesShareTheProcessorsTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final String VALMONT = "210000022";
    private static final String AGENT = ISSUER.token("valmont-agent", List.of(VALMONT), List.of("AGENT"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String database = TestInfrastructure.newDatabase("portfolio_instances");
    private final String group = "portfolio-instances-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesSplitEveryProcessorAndOneTakesOverWhenTheOtherLeaves() {
        ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start();
        String firstNode = nodeId(first);
        String secondNode = nodeId(second);
        JdbcClient jdbc = first.getBean(JdbcClient.class);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Map<String, Integer>> owners = segmentOwners(jdbc);
            assertThat(owners).containsKeys("portfolio-projection", "kafka-publisher");
            owners.forEach((processor, byOwner) -> assertThat(byOwner).as(processor)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(firstNode, 2, secondNode, 2)));
        });

        TestHttp viaFirst = http(first);
        TestHttp viaSecond = http(second);
        String roadmap = created(viaFirst.post("/api/portfolio/roadmaps", ROADMAP, AGENT, null));
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            projects.add(created((i % 2 == 0 ? viaFirst : viaSecond).post("/api/portfolio/projects",
                    PROJECT.formatted(roadmap, "Projet " + i), AGENT, null)));
        }

        first.close();
        await().atMost(PATIENCE).untilAsserted(() -> segmentOwners(jdbc(second)).forEach((processor, byOwner) ->
                assertThat(byOwner).as(processor).containsExactlyEntriesOf(Map.of(secondNode, 4))));
        for (int i = 10; i < 15; i++) {
            projects.add(created(viaSecond.post("/api/portfolio/projects", PROJECT.formatted(roadmap, "Projet " + i),
                    AGENT, null)));
        }

        List<String> projected = jdbc(second).sql("SELECT project_id::text FROM project_view ORDER BY project_id")
                .query(String.class).list();
        assertThat(projected).containsExactlyInAnyOrderElementsOf(projects);
    }

    private ConfigurableApplicationContext start() {
        var postgres = TestInfrastructure.postgres();
        // As arguments: they come before the application's own configuration, as a deployment's settings would.
        Map<String, String> settings = Map.of(
                        "server.port", "0",
                        "spring.datasource.url", postgres.jdbcUrl(database),
                        "spring.datasource.username", postgres.user(),
                        "spring.datasource.password", postgres.password(),
                        "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                        "spring.kafka.consumer.group-id", group,
                        "mutualis.security.issuer-uri", ISSUER.issuer(),
                        "mutualis.security.jwk-set-uri", ISSUER.jwkSetUri(),
                        "mutualis.axon.node-heartbeat", "500ms",
                        "mutualis.axon.node-timeout", "3s");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PortfolioApplication.class)
                .run(settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private static String nodeId(ConfigurableApplicationContext context) {
        return context.getBean(ProcessorNodes.class).nodeId();
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static TestHttp http(ConfigurableApplicationContext context) {
        return new TestHttp("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static String created(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** Claimed segments per processor and owner. */
    private static Map<String, Map<String, Integer>> segmentOwners(JdbcClient jdbc) {
        Map<String, Map<String, Integer>> owners = new HashMap<>();
        jdbc.sql("SELECT processor_name, owner, count(*) AS segments FROM token_entry WHERE owner IS NOT NULL "
                        + "GROUP BY processor_name, owner")
                .query((row, number) -> owners.computeIfAbsent(row.getString("processor_name"), name -> new HashMap<>())
                        .put(row.getString("owner"), row.getInt("segments")))
                .list();
        return owners;
    }

    private static final String ROADMAP = """
            {"title": "Schéma directeur numérique", "startYear": 2026, "endYear": 2028,
             "axes": ["OPEN_DATA", "DEMATERIALISATION"]}""";
    private static final String PROJECT = """
            {"roadmapId": "%s", "title": "%s", "description": "Publier les jeux de données",
             "axis": "OPEN_DATA", "theme": "USER_SERVICES", "sponsor": "Adjointe au numérique", "manager": "Chef de projet DSI",
             "plannedStart": "2026-03-01", "plannedEnd": "2026-12-31",
             "estimatedInvestmentCents": 5000000, "estimatedOperatingCents": 1200000}""";
}
