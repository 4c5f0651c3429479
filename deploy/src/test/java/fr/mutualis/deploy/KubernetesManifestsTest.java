package fr.mutualis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.mutualis.contracts.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code deploy/kubernetes}, rendered per overlay as {@code kubectl apply -k} would render them:
 * every object valid against the Kubernetes API and the operators' CRDs, every reference between objects resolved,
 * every topic of the contracts declared, and each overlay's promise (several replicas, or one small node) kept.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final ApiSchemas SCHEMAS = ApiSchemas.fromTestResources();

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everyObjectOfAnOverlayIsValidAgainstTheKubernetesApiAndTheOperatorsCrds(String overlay) {
        List<ObjectNode> objects = render(overlay);

        assertThat(objects).hasSizeGreaterThan(30);
        assertThat(objects.stream().flatMap(object -> SCHEMAS.problems(object).stream())).isEmpty();
    }

    @Test
    void theRecoveryToAPointInTimeIsAValidCluster() {
        List<JsonNode> objects = Kustomize.readDocuments(KUBERNETES.resolve("recovery/cluster-point-in-time.yaml"));

        assertThat(objects).extracting(object -> object.path("kind").asText()).contains("Cluster");
        assertThat(objects.stream().flatMap(object -> SCHEMAS.problems(object).stream())).isEmpty();
    }

    /** The validation is strict: what kubectl's strict validation or the API server would refuse fails here too. */
    @Test
    void aMisspeltFieldOrAMistypedValueIsRefused() {
        List<ObjectNode> objects = render("production");
        ObjectNode gateway = (ObjectNode) find(objects, "Deployment", "gateway").deepCopy();
        ObjectNode probe = (ObjectNode) gateway.at("/spec/template/spec/containers/0/readinessProbe/httpGet");
        probe.set("paht", probe.remove("path"));
        ObjectNode unquoted = (ObjectNode) find(objects, "Deployment", "gateway").deepCopy();
        ((ObjectNode) unquoted.at("/spec/template/spec/containers/0/env/0")).set("value", IntNode.valueOf(8080));
        ObjectNode cluster = (ObjectNode) find(objects, "Cluster", "mutualis-pg").deepCopy();
        ((ObjectNode) cluster.get("spec")).set("instancess", IntNode.valueOf(3));
        ObjectNode topic = (ObjectNode) find(objects, "KafkaTopic", "mutualis.budget.events").deepCopy();
        ((ObjectNode) topic.get("spec")).put("replicas", "three");
        ObjectNode pool = (ObjectNode) find(objects, "KafkaNodePool", "dual-role").deepCopy();
        ((ObjectNode) pool.get("metadata")).put("lables", "x");

        assertThat(SCHEMAS.problems(gateway)).singleElement().asString().contains("paht");
        assertThat(SCHEMAS.problems(unquoted)).singleElement().asString().contains("env");
        assertThat(SCHEMAS.problems(cluster)).singleElement().asString().contains("instancess");
        assertThat(SCHEMAS.problems(topic)).singleElement().asString().contains("replicas");
        assertThat(SCHEMAS.problems(pool)).singleElement().asString().contains("lables");
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everyReferenceBetweenObjectsResolves(String overlay) {
        List<ObjectNode> objects = render(overlay);
        Map<String, Set<String>> configKeys = new TreeMap<>();
        of(objects, "ConfigMap").forEach(map -> configKeys.put(name(map), keys(map.path("data"))));
        Map<String, Set<String>> secretKeys = new TreeMap<>();
        of(objects, "Secret").forEach(secret -> secretKeys.put(name(secret), keys(secret.path("stringData"))));
        Map<String, Set<String>> portsByApp = new TreeMap<>();
        List<String> missing = new ArrayList<>();

        for (JsonNode deployment : of(objects, "Deployment")) {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
            portsByApp.put(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText(),
                    names(container.path("ports")));
            container.path("envFrom").forEach(from -> expect(configKeys.containsKey(from.at("/configMapRef/name").asText()),
                    name(deployment) + " envFrom " + from, missing));
            for (JsonNode variable : container.path("env")) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    expect(secretKeys.getOrDefault(ref.path("name").asText(), Set.of()).contains(ref.path("key").asText()),
                            name(deployment) + " " + variable.path("name").asText() + " <- " + ref, missing);
                }
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                expect(names(container.path("ports")).contains(container.at("/" + probe + "/httpGet/port").asText()),
                        name(deployment) + " " + probe + " port", missing);
            }
        }
        for (JsonNode service : of(objects, "Service")) {
            Set<String> ports = portsByApp.getOrDefault(service.at("/spec/selector/app.kubernetes.io~1name").asText(), Set.of());
            service.at("/spec/ports").forEach(port -> expect(ports.contains(port.path("targetPort").asText()),
                    "Service " + name(service) + " port " + port, missing));
        }
        of(objects, "HorizontalPodAutoscaler").forEach(scaler -> expect(
                find(objects, "Deployment", scaler.at("/spec/scaleTargetRef/name").asText()) != null, "HPA " + name(scaler), missing));
        of(objects, "PodDisruptionBudget").forEach(budget -> expect(portsByApp.containsKey(
                budget.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()), "PDB " + name(budget), missing));
        of(objects, "Ingress").forEach(ingress -> ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path ->
                expect(find(objects, "Service", path.at("/backend/service/name").asText()) != null, "Ingress " + path, missing))));
        databaseReferences(objects, secretKeys, missing);
        kafkaReferences(objects, missing);

        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void everyTopicOfTheContractsIsDeclaredWithItsPartitionsAndAReplicationTheBrokersAllow(String overlay) {
        List<ObjectNode> objects = render(overlay);
        int brokers = of(objects, "KafkaNodePool").stream()
                .filter(pool -> texts(pool.at("/spec/roles")).contains("broker"))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt()).sum();
        Map<String, JsonNode> declared = new TreeMap<>();
        of(objects, "KafkaTopic").forEach(topic -> declared.put(topic.at("/spec/topicName").asText(name(topic)), topic.get("spec")));

        assertThat(declared).containsOnlyKeys(contractTopics().keySet());
        contractTopics().forEach((topic, partitions) ->
                assertThat(declared.get(topic).path("partitions").asInt()).as(topic).isEqualTo(partitions));
        for (JsonNode spec : declared.values()) {
            int replicas = spec.path("replicas").asInt();
            int minInSync = spec.at("/config/min.insync.replicas").asInt();
            assertThat(replicas).isBetween(1, brokers);
            // acks=all writes go on while one replica is down, whenever there is more than one.
            assertThat(minInSync).isEqualTo(replicas == 1 ? 1 : replicas - 1);
        }
    }

    @Test
    void productionRunsSeveralOfEverythingAndKeepsOneDuringADrain() {
        List<ObjectNode> objects = render("production");

        for (JsonNode deployment : of(objects, "Deployment")) {
            JsonNode scaler = find(objects, "HorizontalPodAutoscaler", name(deployment));
            int replicas = scaler == null ? deployment.at("/spec/replicas").asInt(1) : scaler.at("/spec/minReplicas").asInt();
            assertThat(replicas).as(name(deployment)).isGreaterThanOrEqualTo(2);
            assertThat(find(objects, "PodDisruptionBudget", name(deployment))).as(name(deployment)).isNotNull();
        }
        assertThat(find(objects, "Cluster", "mutualis-pg").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(find(objects, "Cluster", "mutualis-pg").at("/spec/plugins/0/isWALArchiver").asBoolean()).isTrue();
        assertThat(find(objects, "ScheduledBackup", "mutualis-pg-nightly")).isNotNull();
        assertThat(find(objects, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(3);
    }

    /** docs/operations.md: every pool of every replica at the autoscalers' maximum, and room left for people. */
    @Test
    void theDatabaseAcceptsEveryConnectionPoolAtTheAutoscalersMaximum() {
        List<ObjectNode> objects = render("production");
        int connections = 0;
        for (JsonNode deployment : of(objects, "Deployment")) {
            if (deployment.at("/spec/template/spec/containers/0/env").findValuesAsText("name").contains("SPRING_DATASOURCE_URL")) {
                JsonNode scaler = find(objects, "HorizontalPodAutoscaler", name(deployment));
                int replicas = scaler == null ? deployment.at("/spec/replicas").asInt(1) : scaler.at("/spec/maxReplicas").asInt();
                connections += replicas * poolSize(name(deployment));
            }
        }
        int maxConnections = find(objects, "Cluster", "mutualis-pg").at("/spec/postgresql/parameters/max_connections").asInt();

        assertThat(connections).isEqualTo(4 * 4 * 12 + 3 * 6);
        // The operator, backups and a person at a psql prompt need connections too.
        assertThat(connections + 30).isLessThanOrEqualTo(maxConnections);
    }

    @Test
    void theTrialFitsOneNode() {
        List<ObjectNode> objects = render("trial");

        assertThat(of(objects, "HorizontalPodAutoscaler")).isEmpty();
        // A budget keeping one pod of a single replica would block the node's drain for ever.
        assertThat(of(objects, "PodDisruptionBudget")).isEmpty();
        assertThat(of(objects, "Deployment")).allSatisfy(deployment -> assertThat(deployment.at("/spec/replicas").asInt(1)).isEqualTo(1));
        assertThat(find(objects, "Cluster", "mutualis-pg").at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(find(objects, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(find(objects, "ConfigMap", "mutualis-platform").at("/data/SPRING_KAFKA_STREAMS_REPLICATION_FACTOR").asText())
                .isEqualTo("1");
    }

    /** Where kubectl is installed, its kustomize renders exactly what this test validated. */
    @ParameterizedTest
    @ValueSource(strings = {"production", "trial"})
    void theRenderingIsTheOneOfKubectl(String overlay) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays/" + overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("kubectl is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        Path rendered = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), overlay, ".yaml");
        Files.writeString(rendered, output);

        assertThat(byId(Kustomize.readDocuments(rendered))).isEqualTo(byId(render(overlay)));
    }

    private static void databaseReferences(List<ObjectNode> objects, Map<String, Set<String>> secretKeys, List<String> missing) {
        JsonNode cluster = find(objects, "Cluster", "mutualis-pg");
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(cluster.at("/spec/bootstrap/initdb/database").asText(), cluster.at("/spec/bootstrap/initdb/owner").asText());
        of(objects, "Database").stream().filter(database -> database.at("/spec/cluster/name").asText().equals(name(cluster)))
                .forEach(database -> owners.put(database.at("/spec/name").asText(), database.at("/spec/owner").asText()));
        Set<String> roles = Stream.concat(Stream.of(cluster.at("/spec/bootstrap/initdb/owner").asText()),
                cluster.at("/spec/managed/roles").valueStream().map(role -> role.path("name").asText())).collect(Collectors.toSet());
        owners.values().forEach(owner -> expect(roles.contains(owner), "role " + owner, missing));
        cluster.at("/spec/managed/roles").forEach(role -> expect(secretKeys.containsKey(role.at("/passwordSecret/name").asText()),
                "password of role " + role.path("name").asText(), missing));
        for (JsonNode deployment : of(objects, "Deployment")) {
            Map<String, JsonNode> env = new TreeMap<>();
            deployment.at("/spec/template/spec/containers/0/env").forEach(variable -> env.put(variable.path("name").asText(), variable));
            JsonNode url = env.get("SPRING_DATASOURCE_URL");
            if (url != null) {
                String database = url.path("value").asText().replaceFirst(".*/", "");
                expect(url.path("value").asText().startsWith("jdbc:postgresql://" + name(cluster) + "-rw:5432/"),
                        name(deployment) + " connects to the primary", missing);
                String secret = env.get("SPRING_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/name").asText();
                JsonNode user = find(objects, "Secret", secret).at("/stringData/username");
                expect(user.asText().equals(owners.get(database)), name(deployment) + " connects as the owner of " + database, missing);
            }
        }
        of(objects, "ObjectStore").forEach(store -> store.at("/spec/configuration/s3Credentials").forEach(credential ->
                expect(secretKeys.getOrDefault(credential.path("name").asText(), Set.of()).contains(credential.path("key").asText()),
                        "ObjectStore " + name(store) + " " + credential, missing)));
        cluster.at("/spec/plugins").forEach(plugin -> expect(find(objects, "ObjectStore",
                plugin.at("/parameters/barmanObjectName").asText()) != null, "plugin " + plugin, missing));
    }

    private static void kafkaReferences(List<ObjectNode> objects, List<String> missing) {
        Set<String> clusters = of(objects, "Kafka").stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
        Stream.concat(of(objects, "KafkaNodePool").stream(), of(objects, "KafkaTopic").stream()).forEach(object ->
                expect(clusters.contains(object.at("/metadata/labels/strimzi.io~1cluster").asText()), Kustomize.id(object), missing));
        String bootstrap = find(objects, "ConfigMap", "mutualis-platform").at("/data/SPRING_KAFKA_BOOTSTRAP_SERVERS").asText();
        expect(clusters.stream().anyMatch(cluster -> bootstrap.equals(cluster + "-kafka-bootstrap:9092")), bootstrap, missing);
    }

    /**
     * Every channel of the contracts' AsyncAPI documents with its partitions, and the dead-letter topic of each event
     * topic with the same partitions (Spring Kafka's dead-letter recoverer keeps a record's partition).
     */
    private static Map<String, Integer> contractTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        try {
            URI folder = Topics.class.getResource("/asyncapi").toURI();
            // The contracts' classes are a jar when Maven's reactor builds them, a directory in an IDE.
            try (FileSystem jar = folder.getScheme().equals("jar") ? FileSystems.newFileSystem(folder, Map.of()) : null;
                 Stream<Path> documents = Files.list(Path.of(folder))) {
                documents.filter(document -> document.toString().endsWith(".yaml")).forEach(document -> {
                    for (JsonNode channel : Kustomize.readDocuments(document).getFirst().path("channels")) {
                        topics.put(channel.path("address").asText(), channel.at("/bindings/kafka/partitions").asInt(3));
                    }
                });
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Topics.ALL.forEach(topic -> topics.put(Topics.deadLetter(topic), topics.get(topic)));
        return topics;
    }

    /** A module's Hikari pool: its own application.yml's, else the services' shared defaults, else Hikari's. */
    private static int poolSize(String module) {
        for (Path file : List.of(Path.of("..", module, "src/main/resources/application.yml"),
                Path.of("../service-kit/src/main/resources/mutualis-service-defaults.yml"))) {
            JsonNode size = Kustomize.readDocuments(file).getFirst().at("/spring/datasource/hikari/maximum-pool-size");
            if (!size.isMissingNode()) {
                return size.asInt();
            }
        }
        return 10;
    }

    private static List<ObjectNode> render(String overlay) {
        return Kustomize.build(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> objects) {
        return objects.stream().collect(Collectors.toMap(Kustomize::id, object -> object, (a, b) -> a, TreeMap::new));
    }

    private static List<JsonNode> of(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).map(JsonNode.class::cast).toList();
    }

    private static JsonNode find(List<ObjectNode> objects, String kind, String name) {
        return of(objects, kind).stream().filter(object -> name(object).equals(name)).findFirst().orElse(null);
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    private static Set<String> keys(JsonNode map) {
        Set<String> keys = new TreeSet<>();
        map.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> names(JsonNode list) {
        return list.valueStream().map(element -> element.path("name").asText()).collect(Collectors.toSet());
    }

    private static Set<String> texts(JsonNode list) {
        return list.valueStream().map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static void expect(boolean condition, String what, List<String> missing) {
        if (!condition) {
            missing.add(what);
        }
    }
}
