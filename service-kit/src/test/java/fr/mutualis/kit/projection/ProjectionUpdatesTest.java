package fr.mutualis.kit.projection;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor batch's statements reach a real PostgreSQL as a few JDBC batches, and each aggregate's rows end as if
 * its statements had run one by one, in order.
 */
class ProjectionUpdatesTest {

    private static final String APPEND = "UPDATE trail SET steps = steps || :step WHERE id = :id";
    private static final String SHOUT = "UPDATE trail SET steps = steps || upper(:step) WHERE id = :id";

    private static HikariDataSource pool;
    private static final AtomicInteger prepared = new AtomicInteger();
    private static CountingDataSource dataSource;
    private static ProjectionUpdates updates;
    private static JdbcClient jdbc;

    @BeforeAll
    static void createTable() {
        pool = KitDatabase.migrated("kit_projection", 2);
        dataSource = new CountingDataSource(pool);
        updates = new ProjectionUpdates(new NamedParameterJdbcTemplate(dataSource));
        jdbc = JdbcClient.create(pool);
        jdbc.sql("CREATE TABLE trail (id TEXT PRIMARY KEY, steps TEXT NOT NULL)").update();
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("TRUNCATE trail").update();
        prepared.set(0);
    }

    @Test
    void aBatchOfEventsCostsAStatementPerRankAndKindNotPerEventAndKeepsEachAggregatesOrder() {
        List<EventMessage<?>> batch = List.of(
                event("a", 0, "create"), event("b", 0, "create"), event("a", 1, "x"), event("c", 0, "create"),
                event("b", 1, "y"), event("a", 2, "!z"), event("b", 2, "w"), event("c", 1, "!v"), event("a", 3, "u"));

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)));
        unitOfWork.executeWithResult(() -> {
            project((String) CurrentUnitOfWork.get().getMessage().getPayload(),
                    ((GenericDomainEventMessage<?>) CurrentUnitOfWork.get().getMessage()).getAggregateIdentifier());
            return null;
        });

        assertThat(trails()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "xZu", "b", "yw", "c", "V"));
        // rank 0: the three inserts; rank 1: x, y (append) and v (shout); rank 2: z (shout), w (append); rank 3: u
        assertThat(prepared.get()).as("statements prepared for 9 events").isEqualTo(6);
    }

    /**
     * Positional batches set the same values the same way as Spring's named-parameter batches: a name used twice, a
     * cast, arrays, nulls, UUIDs, dates; a collection (expanded into placeholders by Spring) goes Spring's way.
     */
    @Test
    void aPositionalBatchWritesWhatTheNamedParameterBatchWrites() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS kinds (id UUID PRIMARY KEY, tags TEXT[], n BIGINT, note TEXT, day DATE)").update();
        Map<Boolean, List<Map<String, Object>>> written = new HashMap<>();
        for (boolean positional : List.of(true, false)) {
            jdbc.sql("TRUNCATE kinds").update();
            ProjectionUpdates kinds = new ProjectionUpdates(new NamedParameterJdbcTemplate(dataSource), true, positional);
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(event("k" + i % 3, i / 3, "step " + i));
            }
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)));
            unitOfWork.executeWithResult(() -> {
                GenericDomainEventMessage<?> event = (GenericDomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
                UUID id = UUID.nameUUIDFromBytes(event.getAggregateIdentifier().getBytes());
                long sequence = event.getSequenceNumber();
                kinds.sql("""
                                INSERT INTO kinds (id, tags, n, note, day) VALUES (:id, :tags, :n, :note, :day)
                                ON CONFLICT (id) DO UPDATE SET n = kinds.n + :n, note = COALESCE(CAST(:note AS TEXT), kinds.note),
                                    tags = kinds.tags || :tags::text[], day = :day""")
                        .param("id", id).param("tags", new String[]{"t" + sequence, (String) event.getPayload()})
                        .param("n", sequence + 1).param("note", sequence == 0 ? null : "second")
                        .param("day", LocalDate.of(2027, 1, 1).plusDays(sequence)).update();
                kinds.sql("UPDATE kinds SET n = n * 10 WHERE id IN (:ids) AND :step IS NOT NULL")
                        .param("ids", List.of(id, UUID.randomUUID())).param("step", event.getPayload()).update();
                return null;
            });
            written.put(positional, jdbc.sql("SELECT id, array_to_string(tags, ',') AS tags, n, note, day FROM kinds ORDER BY id")
                    .query().listOfRows());
        }
        assertThat(written.get(true)).hasSize(3).isEqualTo(written.get(false));
    }

    @Test
    void outsideAnEventProcessorsUnitOfWorkAStatementRunsAtOnce() {
        updates.sql("INSERT INTO trail (id, steps) VALUES (:id, '')").param("id", "reset").update();

        assertThat(trails()).containsOnlyKeys("reset");
    }

    private static void project(String step, String aggregate) {
        if (step.equals("create")) {
            updates.sql("INSERT INTO trail (id, steps) VALUES (:id, '')").param("id", aggregate).update();
        } else {
            updates.sql(step.startsWith("!") ? SHOUT : APPEND).param("step", step.replace("!", ""))
                    .param("id", aggregate).update();
        }
    }

    private static EventMessage<?> event(String aggregate, long sequence, String step) {
        return new GenericDomainEventMessage<>("Trail", aggregate, sequence, step);
    }

    private static Map<String, String> trails() {
        return jdbc.sql("SELECT id, steps FROM trail").query().listOfRows().stream()
                .collect(Collectors.toMap(row -> (String) row.get("id"), row -> (String) row.get("steps")));
    }

    /** Counts the statements prepared on its connections: one per JDBC batch, one per statement run alone. */
    private static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(HikariDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            prepared.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
