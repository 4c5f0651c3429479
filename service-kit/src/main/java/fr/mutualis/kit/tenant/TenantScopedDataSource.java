package fr.mutualis.kit.tenant;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands out connections that carry the request's tenant in the PostgreSQL session setting {@code mutualis.tenant}
 * (read by the row-level security policies, see {@code db/kit/V0_3}); outside a request (projections, consumers,
 * migrations) the setting is empty.
 * <p>
 * The setting is written when a connection is taken, and only when the pooled connection does not carry that value
 * already: writing it on every checkout and clearing it on every return cost two round trips per checkout, a third of
 * a command's round trips (pg_stat_statements, docs/benchmarks.md). What each pooled connection carries is known
 * because it is only ever written here, outside any transaction (a written value a rollback could undo is not
 * remembered, so it is written again next time).
 */
public class TenantScopedDataSource extends DelegatingDataSource {

    /**
     * The tenant each physical connection carries: "" for none (also what a new session has), {@link #UNKNOWN} when a
     * write failed or may be rolled back. Shared, as several wrappers may share one pool.
     */
    private static final Map<Connection, String> CARRIED = Collections.synchronizedMap(new WeakHashMap<>());
    /** Never a tenant (a SIREN): a connection carrying it is always written. */
    private static final String UNKNOWN = "unknown";

    public TenantScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        String tenant = TenantContextHolder.current().map(TenantContext::tenantId).orElse("");
        Connection physical = connection.unwrap(Connection.class);
        if (tenant.equals(CARRIED.getOrDefault(physical, ""))) {
            return connection;
        }
        CARRIED.put(physical, UNKNOWN);
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('mutualis.tenant', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (connection.getAutoCommit()) {
            CARRIED.put(physical, tenant);
        }
        return connection;
    }
}
