package fr.mutualis.kit.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.mutualis.kit.KitDatabase;
import fr.mutualis.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool every service gets from the kit's defaults (mutualis-service-defaults.yml), on a real PostgreSQL. */
class ServiceDefaultsDataSourceTest {

    @Test
    void aBatchOfInsertsGoesAsMultiRowInserts() throws IOException, SQLException {
        // a rebuild's INSERTs cost PostgreSQL one statement per batch, not one per row (docs/benchmarks.md, projection
        // replay, session 12); pgjdbc answers SUCCESS_NO_INFO for the rows of a rewritten statement (it packs a batch
        // in powers of two: 3 rows go as 2 + 1), 1 for a row sent alone
        HikariConfig config = servicePool();
        try (HikariDataSource kit = KitDatabase.migrated("kit_defaults", 1)) {
            config.setJdbcUrl(kit.getJdbcUrl());
        }
        config.setUsername(TestInfrastructure.postgres().user());
        config.setPassword(TestInfrastructure.postgres().password());
        try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE row_batch (id INTEGER PRIMARY KEY)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO row_batch (id) VALUES (?) ON CONFLICT (id) DO NOTHING")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setInt(1, id);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1);
            }
        }
    }

    /** spring.datasource.hikari as a service binds it from the kit's defaults, placeholders resolved. */
    private static HikariConfig servicePool() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader()
                .load("defaults", new ClassPathResource("mutualis-service-defaults.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment).bind("spring.datasource.hikari", HikariConfig.class).get();
    }
}
