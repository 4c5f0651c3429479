package fr.mutualis.e2e;

import fr.mutualis.contracts.Topics;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's W3C trace crosses the platform's processes: the gateway continues it, relays it to the service, the
 * service stores it with the event it causes and its outbox, later, sends it on the Kafka record, for the consumers
 * to continue.
 */
@ExtendWith(Platform.class)
class TracePropagationEndToEndTest {

    @Test
    void aClientsTraceReachesTheKafkaRecordOfTheEventItsWriteCaused() {
        LocalStack stack = Platform.stack();
        String siren = Sirens.next();
        String client = "e2e-trace-agent-" + siren;
        stack.registerClient(client, "secret", List.of(siren), List.of("AGENT"));
        String trace = "6af7651916cd43dd8448eb211c80319c";

        TestHttp gateway = Platform.gateway();
        Response roadmap = gateway.send(gateway.request("/api/portfolio/roadmaps", stack.token(client, "secret"), null)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Feuille de route tracée", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""")));
        assertThat(roadmap.status()).as(roadmap.toString()).isEqualTo(201);

        Header traceparent = record(stack.kafkaBootstrapServers(), roadmap.json().get("id").asString())
                .headers().lastHeader("traceparent");
        assertThat(traceparent).as("the record carries a traceparent").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + trace + "-");
    }

    private static ConsumerRecord<String, String> record(String bootstrapServers, String key) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-trace-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PORTFOLIO));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No record keyed " + key + " on " + Topics.PORTFOLIO);
        }
    }
}
