package fr.mutualis.kit.tenant;

import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security as the second wall: a query that forgets its tenant filter still only sees the caller's rows
 * and those of its mutualisations, on a real PostgreSQL, through a pool that reuses one connection for everyone.
 */
class TenantScopedDataSourceTest {

    private static final String VALMONT = "210000022";
    private static final String SAINT_AUBIN = "210000030";
    private static final String CAGV = "200000016";
    private static final UUID SHARED = UUID.randomUUID();

    private static HikariDataSource pool;
    private static JdbcClient jdbc;

    @BeforeAll
    static void createProtectedTable() {
        pool = KitDatabase.migrated("kit_rls", 1);
        jdbc = JdbcClient.create(new TenantScopedDataSource(pool));
        jdbc.sql("CREATE TABLE note (owner_id TEXT NOT NULL, body TEXT NOT NULL)").update();
        jdbc.sql("ALTER TABLE note ENABLE ROW LEVEL SECURITY").update();
        jdbc.sql("ALTER TABLE note FORCE ROW LEVEL SECURITY").update();
        jdbc.sql("CREATE POLICY tenant_wall ON note USING (kit_visible(owner_id))").update();
        jdbc.sql("INSERT INTO kit_mutualisation VALUES (:id, 'DSI commune', :epci, 'POPULATION')")
                .param("id", SHARED).param("epci", CAGV).update();
        jdbc.sql("INSERT INTO kit_mutualisation_member VALUES (:id, :siren)").param("id", SHARED).param("siren", VALMONT).update();
        for (String owner : List.of(VALMONT, VALMONT, SAINT_AUBIN, CAGV, SHARED.toString())) {
            jdbc.sql("INSERT INTO note VALUES (:owner, 'x')").param("owner", owner).update();
        }
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @AfterEach
    void unbind() {
        TenantContextHolder.clear();
    }

    @Test
    void aQueryWithoutFilterOnlySeesTheCallersRowsAndItsMutualisations() {
        bind(VALMONT);
        assertThat(owners()).containsExactlyInAnyOrder(VALMONT, VALMONT, SHARED.toString());
    }

    @Test
    void aNonMemberSeesNeitherOthersPrivateRowsNorTheMutualisation() {
        bind(SAINT_AUBIN);
        assertThat(owners()).containsExactly(SAINT_AUBIN);
    }

    @Test
    void theAdministeringEpciSeesTheMutualisationButNotItsMembersPrivateRows() {
        bind(CAGV);
        assertThat(owners()).containsExactlyInAnyOrder(CAGV, SHARED.toString());
    }

    @Test
    void theTenantIsClearedBeforeThePooledConnectionServesTheNextCaller() {
        bind(SAINT_AUBIN);
        assertThat(owners()).hasSize(1);
        TenantContextHolder.clear();
        assertThat(owners()).as("the platform itself (no caller) sees every row").hasSize(5);
    }

    @Test
    void aPooledConnectionAlreadyCarryingTheCallersTenantIsNotWrittenAgain() {
        AtomicInteger writes = new AtomicInteger();
        JdbcClient counted = JdbcClient.create(new TenantScopedDataSource(countingTenantWrites(pool, writes)));
        bind(VALMONT);
        for (int i = 0; i < 3; i++) {
            assertThat(counted.sql("SELECT owner_id FROM note").query(String.class).list()).hasSize(3);
        }
        assertThat(writes).as("one write at most for three checkouts by the same tenant").hasValueLessThanOrEqualTo(1);

        TenantContextHolder.clear();
        assertThat(counted.sql("SELECT owner_id FROM note").query(String.class).list()).hasSize(5);
        assertThat(counted.sql("SELECT owner_id FROM note").query(String.class).list()).hasSize(5);
        assertThat(writes).as("cleared once for the platform's own work, not on every return").hasValueLessThanOrEqualTo(2);
    }

    @Test
    void thePolicyIsInlinedSoThatTheTenantlessWritersPayNoFunctionCallPerRow() {
        // a projection (no tenant) updating one row: kit_visible as a function call per statement was ten times the
        // row's own work (docs/benchmarks.md, projection replay, session 12); inlined, its first test answers
        String plan = String.join("\n", jdbc.sql("EXPLAIN (VERBOSE) UPDATE note SET body = 'y' WHERE owner_id = 'nobody'")
                .query(String.class).list());
        assertThat(plan).contains("current_setting('mutualis.tenant'").doesNotContain("kit_visible(");
    }

    @Test
    void aCallerCannotWriteRowsForAnotherTenant() {
        bind(SAINT_AUBIN);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO note VALUES (:owner, 'forged')").param("owner", VALMONT).update())
                .rootCause().hasMessageContaining("row-level security");
        TenantContextHolder.clear();
        assertThat(jdbc.sql("SELECT body FROM note").query(String.class).list()).doesNotContain("forged").hasSize(5);
    }

    /** The pool's connections, counting the statements that write the tenant setting. */
    private static DataSource countingTenantWrites(DataSource target, AtomicInteger writes) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && args[0].toString().contains("set_config")) {
                                writes.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static List<String> owners() {
        return jdbc.sql("SELECT owner_id FROM note").query(String.class).list();
    }

    private static void bind(String tenant) {
        TenantContextHolder.set(new TenantContext(tenant, "user", "User", List.of(tenant), List.of("AGENT")));
    }
}
