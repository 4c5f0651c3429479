package fr.mutualis.testsupport;

import fr.mutualis.contracts.Topics;
import fr.mutualis.testsupport.infra.EmbeddedKafkaServer;
import fr.mutualis.testsupport.infra.EmbeddedPostgresServer;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL and Kafka that integration tests use, picked once per JVM in this order:
 * servers named by environment variables ({@code MUTUALIS_TEST_POSTGRES_URL} with
 * {@code MUTUALIS_TEST_POSTGRES_USER}/{@code _PASSWORD}, and {@code MUTUALIS_TEST_KAFKA_BOOTSTRAP}), else
 * Testcontainers when a Docker engine answers, else the embedded real servers of local-stack.
 * Each Spring context gets a database of its own.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Postgres postgres;
    private static String kafkaBootstrap;

    /** Registers datasource and Kafka properties for a fresh database named after {@code service}. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        String database = newDatabase(service);
        Postgres server = postgres();
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.datasource.password", server::password);
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    }

    /** Creates an empty database on the shared server and returns its name. */
    public static synchronized String newDatabase(String prefix) {
        String database = (prefix + "_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("[^a-z0-9_]", "_");
        Postgres server = postgres();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.adminUser(), server.adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " OWNER " + server.user());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
        return database;
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = startKafka();
        }
        return kafkaBootstrap;
    }

    private static Postgres startPostgres() {
        String url = System.getenv("MUTUALIS_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            String user = env("MUTUALIS_TEST_POSTGRES_USER", "postgres");
            String password = env("MUTUALIS_TEST_POSTGRES_PASSWORD", "postgres");
            log.info("Tests use the PostgreSQL server at {}", base);
            return withApplicationRole(base, user, password);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            StopAtExit.register("postgres", container::stop);
            String base = container.getJdbcUrl().substring(0, container.getJdbcUrl().lastIndexOf('/') + 1);
            log.info("Tests use a PostgreSQL container at {}", base);
            return withApplicationRole(base, container.getUsername(), container.getPassword());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0, tempDirectory("pg"), false);
        StopAtExit.register("postgres", server::close);
        log.info("Tests use an embedded PostgreSQL on port {}", server.port());
        return new Postgres("jdbc:postgresql://localhost:" + server.port() + "/", EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, "postgres", "postgres");
    }

    /**
     * The services never connect as a superuser (row-level security does not apply to superusers): on a server we
     * only have admin credentials for, create the same unprivileged role as the embedded server and local stack.
     */
    private static Postgres withApplicationRole(String base, String adminUser, String adminPassword) {
        try (Connection connection = DriverManager.getConnection(base + "postgres", adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%2$s' NOSUPERUSER NOBYPASSRLS CREATEDB;
                      END IF;
                    END $$""".formatted(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role on " + base, e);
        }
        return new Postgres(base, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, adminUser, adminPassword);
    }

    private static String startKafka() {
        String bootstrap = System.getenv("MUTUALIS_TEST_KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            return bootstrap;
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
            container.start();
            StopAtExit.register("kafka", container::stop);
            return container.getBootstrapServers();
        }
        // Kafka's test kit deletes the broker's log directories from JVM shutdown hooks of its own, which ran beside the
        // closing contexts and took the broker down under them: they run after them instead.
        Exit.setShutdownHookAdder(StopAtExit::register);
        EmbeddedKafkaServer server = EmbeddedKafkaServer.start(3, Topics.allWithDeadLetters());
        StopAtExit.register("kafka", server::close);
        log.info("Tests use an embedded KRaft Kafka broker at {}", server.bootstrapServers());
        return server.bootstrapServers();
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("MUTUALIS_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static Path tempDirectory(String name) {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "mutualis-" + name + "-").resolve("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the test PostgreSQL is, and with which credentials the services and the tests connect. */
    public record Postgres(String baseUrl, String user, String password, String adminUser, String adminPassword) {

        public String jdbcUrl(String database) {
            return baseUrl + database;
        }
    }

    private TestInfrastructure() {
    }
}
