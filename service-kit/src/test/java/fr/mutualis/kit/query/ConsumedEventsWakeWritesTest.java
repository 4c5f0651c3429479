package fr.mutualis.kit.query;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.kit.KitDatabase;
import fr.mutualis.kit.collectivite.Collectivite;
import fr.mutualis.kit.collectivite.CollectiviteDirectory;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write waiting for an object another context published (a budget line naming a project created a moment ago)
 * reads the consumer's copy as soon as the consumer commits it, not at its next poll, on a real PostgreSQL with the
 * kit's migrations and the kit's inbox.
 */
class ConsumedEventsWakeWritesTest {

    /** So long that only the consumer's signal, never the poll, can explain an answer within the test's patience. */
    private static final Duration LONG_PAUSE = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HikariDataSource pool;
    private static IntegrationEventInbox inbox;
    private static CollectiviteDirectory collectivites;

    @BeforeAll
    static void migrate() {
        pool = KitDatabase.migrated("kit_wake", 2);
        JdbcClient jdbc = JdbcClient.create(pool);
        collectivites = new CollectiviteDirectory(jdbc);
        inbox = new IntegrationEventInbox(jdbc, new TransactionTemplate(new JdbcTransactionManager(pool)), JSON,
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aWriteWaitingForAnotherContextsObjectReadsItOnceTheConsumerCommittedIt() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CompletableFuture<Optional<Collectivite>> answer = CompletableFuture.supplyAsync(() -> ReadYourWrites.awaitVisible(
                () -> {
                    lookups.incrementAndGet();
                    return collectivites.find("210000063");
                }, Duration.ofMinutes(5), LONG_PAUSE, LONG_PAUSE));
        await().atMost(Duration.ofSeconds(10)).until(() -> lookups.get() == 1);

        inbox.receive(record(new CollectiviteRegistered("210000063", "Le Mesnil", "COMMUNE", 1_200, "200000016")),
                IntegrationEventHandlers.create().on(CollectiviteRegistered.class, collectivites::record));

        assertThat(answer.get(20, TimeUnit.SECONDS)).map(Collectivite::name).contains("Le Mesnil");
        assertThat(lookups).hasValue(2);
    }

    private static ConsumerRecord<String, String> record(Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(),
                Instant.now(), "200000016", UUID.randomUUID().toString(), 0, "test", JSON.valueToTree(payload));
        return new ConsumerRecord<>(Topics.GOVERNANCE, 0, 0, envelope.aggregateId(), JSON.writeValueAsString(envelope));
    }
}
