package fr.mutualis.kit.axon;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading an aggregate reads its events in one statement when the service takes no snapshots, on a real PostgreSQL;
 * Axon's own reading took three (a snapshot lookup, the events, an empty batch to find the end). The store's tailing
 * reads take no transaction; its appends keep theirs.
 */
class LeanAggregateReadsTest {

    private static final int BATCH = 5;

    private static HikariDataSource pool;
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    static void createStore() {
        pool = KitDatabase.migrated("kit_aggregate_reads", 2);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void withoutSnapshotsAnAggregateIsReadInOneStatement() {
        EventStorageEngine engine = AxonInfrastructureConfiguration.leanAggregateReads(builder(), BATCH, false, true);
        String aggregate = appended(engine, 3);

        assertThat(load(engine, aggregate)).containsExactly(0L, 1L, 2L);
        assertThat(statements).hasValue(1);
    }

    @Test
    void aFullBatchStillReadsOnToTheNext() {
        EventStorageEngine engine = AxonInfrastructureConfiguration.leanAggregateReads(builder(), BATCH, false, true);
        String exactlyOneBatch = appended(engine, BATCH);
        String moreThanOneBatch = appended(engine, 2 * BATCH + 1);

        assertThat(load(engine, exactlyOneBatch)).hasSize(BATCH);
        assertThat(load(engine, moreThanOneBatch)).hasSize(2 * BATCH + 1)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 2 * BATCH).mapToObj(i -> (long) i).toList());
    }

    @Test
    void withSnapshotsTheSnapshotIsStillLookedFor() {
        EventStorageEngine engine = AxonInfrastructureConfiguration.leanAggregateReads(builder(), BATCH, true, true);
        String aggregate = appended(engine, 3);

        assertThat(load(engine, aggregate)).hasSize(3);
        assertThat(statements).as("the snapshot lookup, then the events").hasValue(2);
    }

    @Test
    void theStoresTailingReadsTakeNoTransactionWhileAppendsKeepTheirs() {
        AtomicInteger commits = new AtomicInteger();
        DataSource counted = countingCommits(commits);
        JdbcEventStorageEngine engine = AxonInfrastructureConfiguration.leanAggregateReads(builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(counted))
                .transactionManager(AxonInfrastructureConfiguration.readsWithoutTransaction(
                        new SpringTransactionManager(new DataSourceTransactionManager(counted)))), BATCH, false, true);
        TrackingToken head = engine.createHeadToken();
        commits.set(0);

        String aggregate = appended(engine, 2);
        assertThat(commits).as("the two events appended in one transaction").hasValue(1);

        assertThat(engine.readEvents(head, false).map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()))
                .containsExactly(aggregate, aggregate);
        assertThat(commits).as("reading them took no transaction").hasValue(1);
    }

    @Test
    void trackedEventsAreReadAsAxonReadsThemTheirTimestampParsedOnce() {
        EventStorageEngine kit = AxonInfrastructureConfiguration.leanAggregateReads(builder(), BATCH, false, true);
        String aggregate = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // old and recent events (gaps are awaited only after recent ones), and gaps in the global index
        kit.appendEvents(IntStream.range(0, 12).mapToObj(i -> new GenericDomainEventMessage<>("Test", aggregate, i,
                "event " + i, Map.of("user", "u" + i), UUID.randomUUID().toString(),
                i < 6 ? now.minus(Duration.ofDays(400 + i)).plusMillis(i * 7) : now.minusMillis(i))).toList());
        JdbcClient.create(pool).sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number IN (2, 3, 8)")
                .param(aggregate).update();
        EventStorageEngine axon = KitJdbcEventStorageEngine.withGapSettings(builder()).build();

        List<String> read = tracked(kit, null);
        assertThat(read).hasSizeGreaterThanOrEqualTo(9).isEqualTo(tracked(axon, null));
        TrackingToken middle = axon.readEvents(null, false).skip(read.size() - 5).findFirst().orElseThrow().trackingToken();
        assertThat(tracked(kit, middle)).hasSize(4).isEqualTo(tracked(axon, middle));
    }

    /** What a tracking reader is given from {@code token}: each event's token, timestamp, identity and content. */
    private static List<String> tracked(EventStorageEngine engine, TrackingToken token) {
        return engine.readEvents(token, false).map(event -> {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            return String.join(" | ", String.valueOf(event.trackingToken()), String.valueOf(event.getTimestamp()),
                    event.getIdentifier(), domain.getAggregateIdentifier(), String.valueOf(domain.getSequenceNumber()),
                    String.valueOf(event.getPayload()), String.valueOf(event.getMetaData()));
        }).toList();
    }

    /** As a repository loads an aggregate: through the event store, which looks for a snapshot first. */
    private List<Long> load(EventStorageEngine engine, String aggregate) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            statements.set(0);
            return store.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList();
        } finally {
            store.shutDown();
        }
    }

    private static String appended(EventStorageEngine engine, int events) {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(IntStream.range(0, events)
                .mapToObj(i -> new GenericDomainEventMessage<>("Test", aggregate, i, "event " + i))
                .toList());
        return aggregate;
    }

    private JdbcEventStorageEngine.Builder builder() {
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .batchSize(BATCH)
                .connectionProvider(countingStatements())
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new AxonInfrastructureConfiguration().eventSchema());
    }

    /** The real pool, counting the transactions committed on its connections. */
    private static DataSource countingCommits(AtomicInteger commits) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection(), "commit", commits);
            }
        };
    }

    /** Connections of the real pool, counting the statements prepared on them. */
    private ConnectionProvider countingStatements() {
        return () -> counting(pool.getConnection(), "prepareStatement", statements);
    }

    /** {@code connection}, counting the calls of {@code method}. */
    private static Connection counting(Connection connection, String method, AtomicInteger calls) {
        return (Connection) Proxy.newProxyInstance(LeanAggregateReadsTest.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
                        calls.incrementAndGet();
                    }
                    try {
                        return called.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
