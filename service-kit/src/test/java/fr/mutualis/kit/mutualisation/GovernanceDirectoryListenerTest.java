package fr.mutualis.kit.mutualisation;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.CollectiviteRegistered;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.collectivite.Collectivite;
import fr.mutualis.kit.collectivite.CollectiviteDirectory;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit's one listener of governance's topic keeps both directories, on a real PostgreSQL with the kit's
 * migrations: the collectivités that budget and evaluation read, and the mutualisations every service's visibility
 * rests on; each event once, a re-registration replacing the row.
 */
class GovernanceDirectoryListenerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static HikariDataSource pool;
    private static GovernanceDirectoryListener listener;
    private static CollectiviteDirectory collectivites;
    private static MutualisationDirectory mutualisations;
    private static JdbcClient jdbc;
    private static SimpleMeterRegistry meters;
    private static long offset;

    @BeforeAll
    static void migrate() {
        pool = KitDatabase.migrated("kit_directories", 2);
        jdbc = JdbcClient.create(pool);
        meters = new SimpleMeterRegistry();
        collectivites = new CollectiviteDirectory(jdbc);
        mutualisations = new MutualisationDirectory(jdbc);
        IntegrationEventInbox inbox = new IntegrationEventInbox(jdbc,
                new TransactionTemplate(new JdbcTransactionManager(pool)), JSON, meters);
        listener = new GovernanceDirectoryListener(inbox, mutualisations, collectivites);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aRegisteredCollectiviteIsInTheDirectoryAndARegistrationAgainReplacesIt() {
        listener.on(record(new CollectiviteRegistered("210000022", "Valmont", "COMMUNE", 80_000, "200000016")));
        assertThat(collectivites.find("210000022")).contains(
                new Collectivite("210000022", "Valmont", "COMMUNE", 80_000, "200000016", null));

        listener.on(record(new CollectiviteRegistered("210000022", "Valmont", "COMMUNE", 81_000, "200000016",
                "21000002200017")));
        assertThat(collectivites.find("210000022")).contains(
                new Collectivite("210000022", "Valmont", "COMMUNE", 81_000, "200000016", "21000002200017"));
        assertThat(collectivites.find("210000030")).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        ConsumerRecord<String, String> registration = record(
                new CollectiviteRegistered("210000048", "Les Aulnes", "COMMUNE", 4_500, "200000016"));
        listener.on(registration);
        listener.on(record(new CollectiviteRegistered("210000048", "Les Aulnes", "COMMUNE", 4_600, "200000016")));
        listener.on(registration);

        assertThat(collectivites.find("210000048")).map(Collectivite::population).contains(4_600L);
    }

    @Test
    void aCreatedMutualisationIsStillKept() {
        UUID id = UUID.randomUUID();
        listener.on(record(new MutualisationCreated(id, "DSI commune", "200000016",
                List.of("210000022", "210000030"), "POPULATION", Map.of())));

        assertThat(mutualisations.find(id)).hasValueSatisfying(found ->
                assertThat(found.memberSirens()).containsExactlyInAnyOrder("210000022", "210000030"));
    }

    @Test
    void anEventOfATypeNeitherDirectoryKeepsIsCountedAndLeavesNoTraceInTheInbox() {
        // Most of governance's events (séances, votes, instances) say nothing to the directories: reading one must
        // cost no transaction and no inbox row, while an event the listener applies is still recorded once.
        ConsumerRecord<String, String> instance = record(
                new InstanceCreated(UUID.randomUUID(), "200000016", "Bureau communautaire", "BUREAU", "MONTHLY"));
        ConsumerRecord<String, String> registration = record(
                new CollectiviteRegistered("210000055", "Saint-Aubin", "COMMUNE", 2_100, "200000016"));
        double ignoredBefore = consumed("governance.InstanceCreated", "ignored");
        double appliedBefore = consumed("governance.CollectiviteRegistered", "applied");

        listener.on(instance);
        listener.on(instance);
        listener.on(registration);

        assertThat(inboxRows(instance)).as("inbox rows of an event neither directory keeps").isZero();
        assertThat(consumed("governance.InstanceCreated", "ignored") - ignoredBefore).isEqualTo(2);
        assertThat(inboxRows(registration)).as("inbox rows of an applied event").isOne();
        assertThat(consumed("governance.CollectiviteRegistered", "applied") - appliedBefore).isEqualTo(1);
    }

    @Test
    void aRecordWhoseTypeHeaderNamesAnIgnoredTypeIsNotEvenParsed() {
        // The publisher copies the envelope's type into a header so that a consumer can pass over what it does not
        // apply without reading the JSON: a body no parser would accept shows that it was not read.
        double ignoredBefore = consumed("governance.SessionScheduled", "ignored");
        listener.on(headed("governance.SessionScheduled", "{not json"));
        assertThat(consumed("governance.SessionScheduled", "ignored") - ignoredBefore).isEqualTo(1);

        // A type the directories apply is still read, and a body that cannot be is a poison record, not skipped.
        assertThatThrownBy(() -> listener.on(headed("governance.CollectiviteRegistered", "{not json")))
                .isInstanceOf(PoisonRecordException.class);
    }

    private static ConsumerRecord<String, String> headed(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.GOVERNANCE, 0, offset++, "key", value);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static long inboxRows(ConsumerRecord<String, String> record) {
        UUID eventId = UUID.fromString(JSON.readTree(record.value()).get("eventId").asString());
        return jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id")
                .param("id", eventId).query(Long.class).single();
    }

    private static double consumed(String type, String outcome) {
        var counter = meters.find("mutualis.integration.consumed").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConsumerRecord<String, String> record(Record payload) {
        var described = IntegrationEvents.describe(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(),
                Instant.now(), "200000016", UUID.randomUUID().toString(), 0, "test", JSON.valueToTree(payload));
        return new ConsumerRecord<>(Topics.GOVERNANCE, 0, offset++, envelope.aggregateId(), JSON.writeValueAsString(envelope));
    }
}
