package fr.mutualis.kit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;

/** A fresh database on the tests' real PostgreSQL with the kit's migrations, as every service's starts. */
public final class KitDatabase {

    /** A pool of at most {@code connections} on a new database named after {@code prefix}; the caller closes it. */
    public static HikariDataSource migrated(String prefix, int connections) {
        TestInfrastructure.Postgres server = TestInfrastructure.postgres();
        String url = server.jdbcUrl(TestInfrastructure.newDatabase(prefix));
        Flyway.configure().dataSource(url, server.user(), server.password()).locations("classpath:db/kit").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(connections);
        return new HikariDataSource(config);
    }

    private KitDatabase() {
    }
}
