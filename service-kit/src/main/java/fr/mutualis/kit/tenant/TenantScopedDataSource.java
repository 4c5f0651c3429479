package fr.mutualis.kit.tenant;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Hands out connections that carry the request's tenant in the PostgreSQL session setting {@code mutualis.tenant}
 * (read by the row-level security policies, see {@code db/kit/V0_3}), and clears it before the connection goes back
 * to the pool. Outside a request (projections, consumers, migrations) the setting stays empty.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

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
        String tenant = TenantContextHolder.current().map(TenantContext::tenantId).orElse(null);
        if (tenant == null) {
            return connection;
        }
        setTenant(connection, tenant);
        return (Connection) Proxy.newProxyInstance(TenantScopedDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ResettingOnClose(connection));
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('mutualis.tenant', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    private record ResettingOnClose(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!target.isClosed()) {
                        try {
                            setTenant(target, "");
                        } finally {
                            target.close();
                        }
                    }
                    return null;
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(target)) {
                        return target;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(target)) {
                        return true;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
