package fr.mutualis.e2e;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The barometer of a fresh collectivité emerges from real commands across the services, through the gateway with
 * real tokens: governance registers it, designates its élu au numérique and holds the séance whose decisions adopt
 * the roadmap and approve a project on each of six axes; the self-assessment makes it a PATHFINDER; a measured
 * indicator (the monitoring device) makes it SYSTEMIC. Every change of profile is published on evaluation's topic.
 */
@ExtendWith(Platform.class)
class BarometerEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SIX_AXES = List.of("OPEN_DATA", "DEMATERIALISATION", "SMART_CITY", "E_INCLUSION",
            "LOCAL_HOSTING_CLOUD", "E_DEMOCRACY");
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String siren;
    private static String agent;
    private static String platformAdmin;

    @BeforeAll
    static void freshCollectivite() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        siren = Sirens.next();
        String secret = "secret-" + UUID.randomUUID();
        stack.registerClient("agent-" + siren, secret, List.of(siren), List.of("AGENT"));
        stack.registerClient("admin-" + siren, secret, List.of(siren), List.of("PLATFORM_ADMIN"));
        agent = stack.token("agent-" + siren, secret);
        platformAdmin = stack.token("admin-" + siren, secret);
    }

    @Test
    void theProfileEmergesFromGovernancePortfolioAndEvaluationAndChangesWithACriterion() {
        int year = LocalDate.now(FRANCE).getYear();

        created(gateway.post("/api/governance/collectivites", json(Map.of("siren", siren, "name", "Commune de Valbois",
                "kind", "COMMUNE", "population", 23_000)), platformAdmin, null));
        ok(gateway.put("/api/governance/collectivites/" + siren + "/elected-lead",
                json(Map.of("name", "Camille Martin, adjointe au numérique")), agent, null));

        String roadmap = created(gateway.post("/api/portfolio/roadmaps", json(Map.of("title", "Feuille de route numérique",
                "startYear", year, "endYear", year + 2, "axes", SIX_AXES)), agent, null)).get("id").asString();
        List<String> projects = new ArrayList<>();
        for (String axis : SIX_AXES) {
            String project = created(gateway.post("/api/portfolio/projects", json(project(roadmap, axis, year)), agent, null))
                    .get("id").asString();
            ok(gateway.post("/api/portfolio/projects/" + project + "/assessment", json(Map.of("strategicAlignment", 4,
                    "userValue", 4, "agentValue", 3, "legalObligation", 2, "feasibility", 4, "risk", 1)), agent, null));
            projects.add(project);
        }

        holdTheSeanceThatAdopts(roadmap, projects);

        // Everything the event streams tell is there; the self-declaration is still missing.
        JsonNode declaredNothing = awaitBarometer(barometer -> barometer.get("criteria").get("axes").size() == 6
                && barometer.get("criteria").get("plan").asBoolean() && barometer.get("criteria").get("electedLead").asBoolean());
        assertThat(declaredNothing.get("profile").asString()).isEqualTo("UNCLASSIFIED");
        assertThat(declaredNothing.get("nearestProfile").asString()).isEqualTo("PATHFINDER");
        assertThat(strings(declaredNothing.get("missing"))).containsExactly("ROLES", "COMMUNICATION");
        assertThat(strings(declaredNothing.get("criteria").get("axes"))).containsExactlyInAnyOrderElementsOf(SIX_AXES);
        assertThat(declaredNothing.get("criteria").get("evaluation").asBoolean()).isFalse();

        ok(gateway.put("/api/evaluation/self-assessment", json(Map.of("roles", List.of("DPO", "CHIEF_DATA_OFFICER"),
                "communication", List.of("TOP_DOWN", "SOCIAL", "PARTICIPATORY"))), agent, null));
        JsonNode pathfinder = awaitBarometer(barometer -> barometer.get("profile").asString().equals("PATHFINDER"));
        assertThat(pathfinder.has("nearestProfile")).isFalse();
        assertThat(pathfinder.has("missing")).isFalse();
        // The barometer reads the criteria live; the recorded profile follows them on the tracker's next round (every
        // 500 ms). A profile held for less than a round is never recorded: let this one be, before the next criterion.
        assertThat(profileChangesPublishedFor(siren, "PATHFINDER")).endsWith("PATHFINDER");

        // The criterion that tells PATHFINDER from SYSTEMIC: an indicator measured in the last 12 months.
        String indicator = created(gateway.post("/api/evaluation/indicators", json(indicator(year)), agent, null))
                .get("id").asString();
        created(gateway.post("/api/evaluation/indicators/" + indicator + "/measurements", json(Map.of(
                "date", LocalDate.now(FRANCE).toString(), "value", 55, "source", "Tableau de bord GRU")), agent, null));
        JsonNode systemic = awaitBarometer(barometer -> barometer.get("profile").asString().equals("SYSTEMIC"));
        assertThat(systemic.get("criteria").get("evaluation").asBoolean()).isTrue();

        JsonNode dashboard = okJson(gateway.get("/api/evaluation/dashboard", agent, null));
        assertThat(dashboard.at("/barometer/profile").asString()).isEqualTo("SYSTEMIC");
        assertThat(dashboard.at("/projects/byStatus/APPROVED").asLong()).isEqualTo(6);
        assertThat(dashboard.at("/indicators/total").asLong()).isEqualTo(1);
        assertThat(dashboard.get("roadmaps").asLong()).isEqualTo(1);

        assertThat(profileChangesPublishedFor(siren, "SYSTEMIC")).containsSubsequence("PATHFINDER", "SYSTEMIC");
        assertThat(okJson(gateway.get("/api/evaluation/barometer", stack.token("staubin-agent"), null)).get("siren").asString())
                .as("another collectivité reads its own barometer, never this one").isNotEqualTo(siren);
    }

    /** A strategic committee of the collectivité: one séance adopts the roadmap and passes every project's gate. */
    private static void holdTheSeanceThatAdopts(String roadmap, List<String> projects) {
        String instance = created(gateway.post("/api/governance/instances", json(Map.of(
                "name", "Comité stratégique du numérique", "kind", "STRATEGIC_COMMITTEE", "cadence", "QUARTERLY",
                "members", List.of(
                        member("maire", "Maire", true),
                        member("dgs", "Directeur général des services", false),
                        member("elu-numerique", "Adjointe au numérique", false)))), agent, null)).get("id").asString();
        List<Map<String, Object>> agenda = new ArrayList<>();
        agenda.add(Map.of("kind", "ROADMAP_ADOPTION", "title", "Adoption de la feuille de route", "subjectId", roadmap));
        for (String project : projects) {
            agenda.add(Map.of("kind", "PROJECT_GATE", "title", "Lancement du projet " + project, "subjectId", project));
        }
        JsonNode session = created(gateway.post("/api/governance/instances/" + instance + "/sessions", json(Map.of(
                "scheduledAt", OffsetDateTime.now(FRANCE).minusHours(1).toString(), "agenda", agenda)), agent, null));
        String sessionId = session.get("id").asString();
        ok(gateway.put("/api/governance/sessions/" + sessionId + "/attendance",
                json(Map.of("present", List.of("maire", "dgs", "elu-numerique"))), agent, null));
        for (JsonNode item : session.get("agendaItemIds")) {
            JsonNode decision = created(gateway.post("/api/governance/sessions/" + sessionId + "/decisions", json(Map.of(
                    "agendaItemId", item.asString(), "votesFor", 3, "votesAgainst", 0, "abstentions", 0)), agent, null));
            assertThat(decision.get("outcome").asString()).isEqualTo("APPROVED");
        }
        ok(gateway.post("/api/governance/sessions/" + sessionId + "/close", "", agent, null));
    }

    private static Map<String, Object> member(String personId, String role, boolean chair) {
        return Map.of("personId", personId, "name", role + " de Valbois", "role", role, "collectiviteSiren", siren,
                "voting", true, "chair", chair);
    }

    private static Map<String, Object> project(String roadmap, String axis, int year) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roadmapId", roadmap);
        body.put("title", "Projet " + axis);
        body.put("description", "Un projet de l'axe " + axis);
        body.put("axis", axis);
        body.put("theme", "USER_SERVICES");
        body.put("sponsor", "Adjointe au numérique");
        body.put("manager", "DSI");
        body.put("plannedStart", LocalDate.of(year, 1, 1).toString());
        body.put("plannedEnd", LocalDate.of(year + 1, 12, 31).toString());
        body.put("estimatedInvestmentCents", 5_000_000);
        body.put("estimatedOperatingCents", 1_000_000);
        return body;
    }

    private static Map<String, Object> indicator(int year) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scopeKind", "TENANT");
        body.put("scopeId", siren);
        body.put("name", "Part des démarches en ligne");
        body.put("unit", "%");
        body.put("baselineValue", 30);
        body.put("baselineDate", LocalDate.of(year - 1, 1, 1).toString());
        body.put("targetValue", 80);
        body.put("targetDate", LocalDate.of(year + 2, 12, 31).toString());
        body.put("direction", "UP");
        body.put("frequency", "QUARTERLY");
        return body;
    }

    private static JsonNode awaitBarometer(java.util.function.Predicate<JsonNode> reached) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> okJson(gateway.get("/api/evaluation/barometer", agent, null)), reached::test);
    }

    /** The profiles of the BarometerProfileChanged events keyed by {@code siren} on evaluation's topic, in order. */
    private static List<String> profileChangesPublishedFor(String siren, String untilProfile) {
        List<String> profiles = new ArrayList<>();
        // Assigned rather than subscribed: no consumer group to join, which a loaded broker can take long to grant.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("mutualis.evaluation.events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !profiles.contains(untilProfile)) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (siren.equals(record.key())) {
                        JsonNode envelope = JSON.readTree(record.value());
                        if (envelope.get("type").asString().equals("evaluation.BarometerProfileChanged")) {
                            profiles.add(envelope.at("/payload/profile").asString());
                        }
                    }
                });
            }
        }
        return profiles;
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static JsonNode okJson(Response response) {
        ok(response);
        return response.json();
    }

    private static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
