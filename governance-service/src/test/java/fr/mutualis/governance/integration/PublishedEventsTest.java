package fr.mutualis.governance.integration;

import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.governance.TestSirens;
import fr.mutualis.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Governance's events reach Kafka as enveloped integration events, keyed by their aggregate. */
class PublishedEventsTest extends GovernanceIntegrationTest {

    static final String CAGV = "200000016";

    @Test
    void aRegisteredCollectiviteIsPublishedWithItsEnvelopeAndHeaders() {
        String token = ISSUER.token("platform-admin", List.of(CAGV), List.of("PLATFORM_ADMIN"));
        // A fresh SIREN: the broker is shared by every test class of the JVM.
        String siren = TestSirens.random();
        var registered = http.post("/api/governance/collectivites", """
                {"siren": "%s", "name": "Les Aulnes", "kind": "COMMUNE", "population": 4500, "epciSiren": "%s"}"""
                .formatted(siren, CAGV), token, null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        ConsumerRecord<String, String> record = awaitRecords(siren, 1).getFirst();
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.get("type").asString()).isEqualTo("governance.CollectiviteRegistered");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("tenantId").asString()).isEqualTo(siren);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(siren);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
        JsonNode payload = envelope.get("payload");
        assertThat(payload.get("siren").asString()).isEqualTo(siren);
        assertThat(payload.get("name").asString()).isEqualTo("Les Aulnes");
        assertThat(payload.get("kind").asString()).isEqualTo("COMMUNE");
        assertThat(payload.get("population").asLong()).isEqualTo(4_500);
        assertThat(payload.get("epciSiren").asString()).isEqualTo(CAGV);
        assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(siren);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("governance.CollectiviteRegistered");
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1");
    }

    /**
     * What portfolio and budget act on: an approved project gate names its project, an arbitration its amounts,
     * and both carry the owner, the instance and the date; no decision is published before the séance closes.
     */
    @Test
    void closingASessionPublishesItsDecisionsThenTheSession() {
        Territory t = newTerritory();
        String mutualisation = newMutualisation(t);
        var created = http.post("/api/governance/instances", """
                {"name": "Comité du service commun", "kind": "PORTFOLIO_STEERING_COMMITTEE", "cadence": "QUARTERLY",
                 "mutualisationId": "%s", "members": [
                 {"personId": "pres", "name": "Président", "role": "président", "collectiviteSiren": "%s", "voting": true, "chair": true},
                 {"personId": "v", "name": "Élu de la ville", "role": "élu", "collectiviteSiren": "%s", "voting": true},
                 {"personId": "b", "name": "Élue du bourg", "role": "élue", "collectiviteSiren": "%s", "voting": true}]}"""
                .formatted(mutualisation, t.epci(), t.ville(), t.bourg()), t.sharedAdmin(), null);
        String instance = created.json().get("id").asString();
        awaitStatus(() -> http.get("/api/governance/instances/" + instance, t.sharedAdmin(), null), 200);
        String project = publishedProject(mutualisation).toString();
        String line = publishedBudgetLine(mutualisation).toString();
        var session = http.post("/api/governance/instances/" + instance + "/sessions", """
                {"scheduledAt": "2026-06-15T23:30:00Z", "agenda": [
                 {"kind": "PROJECT_GATE", "title": "SIG mutualisé : passage en réalisation", "subjectId": "%s"},
                 {"kind": "BUDGET_ARBITRATION", "title": "Crédits du SIG", "amounts": [{"budgetLineId": "%s", "amountCents": 4200000}]}]}"""
                .formatted(project, line), t.sharedAdmin(), null);
        String sessionId = session.json().get("id").asString();
        String gate = session.json().get("agendaItemIds").get(0).asString();
        String arbitration = session.json().get("agendaItemIds").get(1).asString();
        awaitStatus(() -> http.get("/api/governance/sessions/" + sessionId, t.sharedAdmin(), null), 200);
        String base = "/api/governance/sessions/" + sessionId;
        assertThat(http.put(base + "/attendance", "{\"present\": [\"pres\", \"v\", \"b\"]}", t.sharedAdmin(), null).status()).isEqualTo(200);
        var approved = http.post(base + "/decisions", "{\"agendaItemId\": \"%s\", \"votesFor\": 3, \"votesAgainst\": 0, \"abstentions\": 0}"
                .formatted(gate), t.sharedAdmin(), null);
        String decisionId = approved.json().get("id").asString();
        http.post(base + "/decisions", "{\"agendaItemId\": \"%s\", \"votesFor\": 2, \"votesAgainst\": 0, \"abstentions\": 1}"
                .formatted(arbitration), t.sharedAdmin(), null);
        assertThat(http.post(base + "/close", "", t.sharedAdmin(), null).status()).isEqualTo(200);

        // InstanceCreated, the séance announced (SessionScheduled, for the alerts on its notice), then two
        // DecisionPublished and SessionClosed: attendance and votes in between stay inside.
        List<ConsumerRecord<String, String>> records = awaitRecords(instance, 5);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> envelopes = records.stream().map(record -> json.readTree(record.value())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString()).containsExactly(
                "governance.InstanceCreated", "governance.SessionScheduled", "governance.DecisionPublished",
                "governance.DecisionPublished", "governance.SessionClosed");
        JsonNode scheduled = envelopes.get(1).get("payload");
        assertThat(scheduled.get("sessionId").asString()).isEqualTo(sessionId);
        JsonNode decision = envelopes.get(2);
        assertThat(decision.get("tenantId").asString()).isEqualTo(mutualisation);
        assertThat(header(records.get(2), EventHeaders.TENANT_ID)).isEqualTo(mutualisation);
        JsonNode payload = decision.get("payload");
        assertThat(payload.get("decisionId").asString()).isEqualTo(decisionId);
        assertThat(payload.get("sessionId").asString()).isEqualTo(sessionId);
        assertThat(payload.get("instanceId").asString()).isEqualTo(instance);
        assertThat(payload.get("ownerId").asString()).isEqualTo(mutualisation);
        assertThat(payload.get("instanceKind").asString()).isEqualTo("PORTFOLIO_STEERING_COMMITTEE");
        assertThat(payload.get("agendaItemId").asString()).isEqualTo(gate);
        assertThat(payload.get("agendaItemKind").asString()).isEqualTo("PROJECT_GATE");
        assertThat(payload.get("subjectId").asString()).isEqualTo(project);
        assertThat(payload.get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(payload.get("votesFor").asInt()).isEqualTo(3);
        // 23:30 UTC on 15 June is already the 16th in France, where the séance sat.
        assertThat(payload.get("decidedOn").asString()).isEqualTo("2026-06-16");
        JsonNode amounts = envelopes.get(3).get("payload").get("amounts");
        assertThat(envelopes.get(3).get("payload").get("agendaItemKind").asString()).isEqualTo("BUDGET_ARBITRATION");
        assertThat(amounts.get(0).get("budgetLineId").asString()).isEqualTo(line);
        assertThat(amounts.get(0).get("amountCents").asLong()).isEqualTo(4_200_000);
        JsonNode closed = envelopes.get(4).get("payload");
        assertThat(closed.get("decisionCount").asInt()).isEqualTo(2);
        assertThat(closed.get("heldOn").asString()).isEqualTo("2026-06-16");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The first {@code count} records keyed {@code key}, in topic order. */
    private static List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.GOVERNANCE));
            Instant deadline = Instant.now().plusSeconds(20);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= count) {
                    return found.subList(0, count);
                }
            }
            throw new AssertionError(found.size() + " records keyed " + key + " on " + Topics.GOVERNANCE + ", expected " + count);
        }
    }
}
