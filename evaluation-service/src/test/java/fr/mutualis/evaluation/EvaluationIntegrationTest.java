package fr.mutualis.evaluation;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.evaluation.messages.BarometerProfileChanged;
import fr.mutualis.testsupport.ServiceIntegrationTest;
import fr.mutualis.testsupport.StopAtExit;
import fr.mutualis.testsupport.TestEvents;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.testsupport.infra.EmbeddedMailServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every API and integration test of evaluation shares (real PostgreSQL, real Kafka, real
 * tokens), with what they need to publish other contexts' envelopes and to read evaluation's own topic. Each test
 * works with tenants of its own, so tests do not see each other's data.
 */
// The embedded broker and database stop in their own shutdown hooks: do not wait 30 s per phase for them at exit.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.lifecycle.timeout-per-shutdown-phase=3s")
public abstract class EvaluationIntegrationTest extends ServiceIntegrationTest {

    /** The SMTP server alert mails go to, one per test JVM (GreenMail). */
    protected static final EmbeddedMailServer MAIL = mailServer();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", MAIL::port);
        // Retries within a test's patience.
        registry.add("mutualis.notification.retry-initial", () -> "200ms");
        registry.add("mutualis.notification.retry-max", () -> "1s");
        registry.add("mutualis.notification.poll-interval-ms", () -> "200");
    }

    private static EmbeddedMailServer mailServer() {
        EmbeddedMailServer server = EmbeddedMailServer.start(0);
        StopAtExit.register("mail", server::close);
        return server;
    }

    /** A person's token (with an {@code email}, which alert mails go to) acting for {@code siren} as an agent. */
    protected static String person(String subject, String email, String... sirens) {
        return ISSUER.personToken(subject, email, List.of(sirens), List.of("AGENT"));
    }

    /** A SIREN no other test uses (evaluation does not check the Luhn key: governance does). */
    protected static String newSiren() {
        return "2" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    protected static String agent(String siren) {
        return ISSUER.token("agent-" + siren, List.of(siren), List.of("AGENT"));
    }

    protected static String sharedServiceAdmin(String siren) {
        return ISSUER.token("admin-" + siren, List.of(siren), List.of("AGENT", "SHARED_SERVICE_ADMIN"));
    }

    /** An envelope as the other contexts' publishers write it, for {@code payload}'s contract type. */
    protected static EventEnvelope envelope(String tenant, Object aggregateId, long sequence, Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(), tenant,
                aggregateId.toString(), sequence, "test", JSON.valueToTree(payload));
    }

    protected static void send(String topic, EventEnvelope envelope) {
        TestEvents.publish(topic, envelope);
    }

    protected static void sendRaw(String topic, String key, String value) {
        TestEvents.publishRaw(topic, key, value);
    }

    /**
     * The events stored by requests, to prove that a refused one stored nothing: the profile tracker's and the alert
     * engine's, which follow other tests' data in the background, are left out.
     */
    protected long requestEvents() {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type <> :profileChanged AND (type IS NULL OR type <> 'Alert')""")
                .param("profileChanged", BarometerProfileChanged.class.getName())
                .query(Long.class).single();
    }

    /** Publishes a mutualisation as governance does, and waits until evaluation's directory knows it. */
    protected UUID mutualisation(String epci, List<String> members) {
        UUID id = UUID.randomUUID();
        send(Topics.GOVERNANCE, envelope(epci, id, 0, new MutualisationCreated(id, "Service commun " + id, epci, members,
                "POPULATION", Map.of())));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        return id;
    }

    /** The values of the records on {@code topic} whose key is {@code key} and that match, read from the beginning. */
    protected static List<String> recordsOn(String topic, String key, Predicate<String> until) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline) && values.stream().noneMatch(until)) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(record.value() == null ? "" : record.value());
                    }
                });
            }
            return values;
        }
    }
}
