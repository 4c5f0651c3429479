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
import java.util.List;
import java.util.Map;
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
