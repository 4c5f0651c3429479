package fr.mutualis.kit.axon;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate lock on a real PostgreSQL, with Axon wired as the services wire it (Spring transactions, the event
 * store on the transaction's connection): a command takes its aggregate's lock in the transaction that appends its
 * events, the caller's when there is one, and holds it until that transaction commits; a concurrent command on the
 * aggregate waits for it, then sees its events.
 */
class AggregateLocksTest {

    private static HikariDataSource pool;
    private static DataSourceTransactionManager transactions;
    private static CommandGateway commands;
    private static EmbeddedEventStore events;

    @BeforeAll
    static void wireAxon() {
        pool = KitDatabase.migrated("kit_aggregate_locks", 4);
        transactions = new DataSourceTransactionManager(pool);
        SpringTransactionManager axonTransactions = new SpringTransactionManager(transactions);
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        events = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(pool)))
                .transactionManager(axonTransactions)
                .schema(new AxonInfrastructureConfiguration().eventSchema())
                .build()).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(axonTransactions).build();
        bus.registerHandlerInterceptor(new AggregateLockInterceptor(new AggregateLocks(pool),
                AnnotationCommandTargetResolver.builder().build()));
        AggregateAnnotationCommandHandler.<Counter>builder()
                .aggregateType(Counter.class)
                .repository(EventSourcingRepository.builder(Counter.class).eventStore(events).build())
                .build()
                .subscribe(bus);
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterAll
    static void closePool() {
        events.shutDown();
        pool.close();
    }

    @Test
    void theLockIsTakenInTheAppendsTransactionAndHeldUntilItCommits() throws SQLException {
        String counter = started();
        try (Connection observer = pool.getConnection()) {
            new TransactionTemplate(transactions).executeWithoutResult(outer -> {
                commands.sendAndWait(new Count(counter));
                int transaction = JdbcClient.create(pool).sql("SELECT pg_backend_pid()").query(Integer.class).single();

                assertThat(holders(observer, counter)).as("held by the outer transaction").containsExactly(transaction);
                assertThat(appending(observer, transaction)).as("which appended the event").isTrue();
                assertThat(storedEvents(observer, counter)).as("not committed yet").isEqualTo(1);
            });

            assertThat(holders(observer, counter)).as("released by the commit").isEmpty();
            assertThat(storedEvents(observer, counter)).isEqualTo(2);
        }
    }

    @Test
    void aConcurrentCommandWaitsForTheLockThenSeesTheEventsBeforeIt() throws Exception {
        String counter = started();
        CompletableFuture<Object> concurrent;
        try (Connection observer = pool.getConnection()) {
            concurrent = new TransactionTemplate(transactions).execute(outer -> {
                commands.sendAndWait(new Count(counter));
                CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> commands.sendAndWait(new Count(counter)));
                awaitWaiter(observer, counter);
                assertThat(waiting).isNotDone();
                return waiting;
            });
        }

        assertThat(concurrent.get(10, TimeUnit.SECONDS)).as("its sequence number").isEqualTo(2L);
        assertThat(events.readEvents(counter).asStream().count()).isEqualTo(3);
    }

    @Test
    void aCommandCreatingAnAggregateTakesNoLock() throws SQLException {
        try (Connection observer = pool.getConnection()) {
            new TransactionTemplate(transactions).executeWithoutResult(outer -> {
                String counter = started();
                assertThat(holders(observer, counter)).isEmpty();
            });
        }
    }

    @Test
    void aTransactionAsksForALockItHoldsOnlyOnceAndANewTransactionBesideItAsksForItsOwn() throws SQLException {
        LockStatements counted = new LockStatements(pool);
        DataSourceTransactionManager countedTransactions = new DataSourceTransactionManager(counted);
        AggregateLocks locks = new AggregateLocks(counted);
        UUID line = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        TransactionTemplate requiresNew = new TransactionTemplate(countedTransactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try (Connection observer = pool.getConnection()) {
            new TransactionTemplate(countedTransactions).executeWithoutResult(outer -> {
                locks.lock(line);
                locks.lock(line.toString());
                locks.lock(line);
                assertThat(counted.sent()).as("asked once").isEqualTo(1);
                assertThat(holders(observer, line.toString())).hasSize(1);

                requiresNew.executeWithoutResult(inner -> {
                    locks.lock(programme);
                    locks.lock(programme);
                });
                assertThat(counted.sent()).as("the new transaction asked for its own, once").isEqualTo(2);
                assertThat(holders(observer, programme.toString())).as("released by its commit").isEmpty();

                locks.lock(line);
                locks.lock(programme);
                assertThat(counted.sent()).as("the outer transaction's own again, the released one anew").isEqualTo(3);
            });
            new TransactionTemplate(countedTransactions).executeWithoutResult(next -> locks.lock(line));
            assertThat(counted.sent()).as("a later transaction asks again").isEqualTo(4);
            assertThat(holders(observer, line.toString())).isEmpty();
        }
    }

    @Test
    void outsideATransactionTheLockIsRefusedRatherThanReleasedAtOnce() {
        assertThatThrownBy(() -> new AggregateLocks(pool).lock(UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIdThatIsNoUuidStillHasItsOwnKey() {
        assertThat(AggregateLocks.uuidOf("200000016")).isEqualTo(AggregateLocks.uuidOf("200000016"))
                .isNotEqualTo(AggregateLocks.uuidOf("210000022"));
        UUID id = UUID.randomUUID();
        assertThat(AggregateLocks.uuidOf(id.toString())).isEqualTo(id);
    }

    private static String started() {
        String counter = UUID.randomUUID().toString();
        commands.sendAndWait(new Start(counter));
        return counter;
    }

    /** The backends holding the advisory lock of {@code aggregate}: PostgreSQL shows a bigint key in two halves. */
    private static List<Integer> holders(Connection observer, String aggregate) {
        return lockers(observer, aggregate, true);
    }

    private static List<Integer> lockers(Connection observer, String aggregate, boolean granted) {
        long key = AggregateLocks.key(UUID.fromString(aggregate));
        try (PreparedStatement query = observer.prepareStatement("""
                SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted = ?
                AND classid::bigint = ? AND objid::bigint = ?""")) {
            query.setBoolean(1, granted);
            query.setLong(2, key >>> 32);
            query.setLong(3, key & 0xFFFF_FFFFL);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitWaiter(Connection observer, String aggregate) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lockers(observer, aggregate, false).isEmpty()) {
            assertThat(System.nanoTime()).as("a second writer waiting for the lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Whether backend {@code pid} has written to the event table in its open transaction. */
    private static boolean appending(Connection observer, int pid) {
        try (PreparedStatement query = observer.prepareStatement("""
                SELECT count(*) FROM pg_locks WHERE pid = ? AND locktype = 'relation' AND mode = 'RowExclusiveLock'
                AND relation = 'domain_event_entry'::regclass""")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedEvents(Connection observer, String aggregate) {
        try (PreparedStatement query = observer.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            query.setString(1, aggregate);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool, counting the lock statements prepared on its connections. */
    private static final class LockStatements extends DelegatingDataSource {

        private final AtomicInteger sent = new AtomicInteger();

        LockStatements(DataSource pool) {
            super(pool);
        }

        int sent() {
            return sent.get();
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("prepareStatement") && String.valueOf(arguments[0]).contains("pg_advisory_xact_lock")) {
                            sent.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** Creating one names no target: the new id has no events anyone could be writing after. */
    record Start(String id) {
    }

    record Count(@TargetAggregateIdentifier String id) {
    }

    record Started(String id) {
    }

    record Counted(String id) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id;

        Counter() {
        }

        @CommandHandler
        Counter(Start command) {
            AggregateLifecycle.apply(new Started(command.id()));
        }

        @CommandHandler
        long handle(Count command) {
            AggregateLifecycle.apply(new Counted(command.id()));
            return AggregateLifecycle.getVersion();
        }

        @EventSourcingHandler
        void on(Started event) {
            id = event.id();
        }
    }
}
