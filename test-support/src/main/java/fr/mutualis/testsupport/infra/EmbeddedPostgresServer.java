package fr.mutualis.testsupport.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's packaged binaries) run as a child process: the same engine as in
 * production, started in about a second, without Docker. Used by local-stack and by tests when no
 * container engine answers.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "mutualis";
    /** Demo credential of the local stack only. */
    public static final String PASSWORD = "mutualis";
    /** The system property naming a directory of unpacked binaries that several servers share. */
    public static final String BINARIES_PROPERTY = "mutualis.pg-binaries";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) with its data under {@code dataDirectory}.
     * The data directory is wiped first: every start is a fresh cluster. The server stops when the JVM exits.
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, true);
    }

    /**
     * Like {@link #start(int, Path)}; without {@code stopWithTheJvm} the caller stops it, e.g. only once what uses
     * it has closed (a JVM's shutdown hooks run all at once).
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean stopWithTheJvm) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(stopWithTheJvm)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // durable commits, as in production: zonky's default (synchronous_commit=off) would let a crash
                    // of the server lose writes that already answered 2xx
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            // zonky's own choice is the kernel's, in the range outgoing connections take their ports from
            builder.setPort(port > 0 ? port : FreePorts.pick());
            if (dataDirectory != null) {
                // zonky runs initdb on the directory as it finds it and deletes it only when the server is closed:
                // the directory of a server that was not closed (its JVM killed) made initdb fail at the next start
                FileSystemUtils.deleteRecursively(dataDirectory);
                builder.setDataDirectory(dataDirectory);
                builder.setOverrideWorkingDirectory(binariesDirectory(dataDirectory).toFile());
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.createRole();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /**
     * Where the server's binaries are unpacked: {@value #BINARIES_PROPERTY} when set (the build sets it for every test
     * JVM and every stack its tests start, so that they share one copy), else beside the data directory. Unpacking
     * the archive costs about 2.7 CPU-s and 2.3 s with the tests' C1 compiler; zonky unpacks a directory once, behind
     * a file lock, and then only checks it, so processes may share it.
     */
    static Path binariesDirectory(Path dataDirectory) {
        String shared = System.getProperty(BINARIES_PROPERTY);
        return shared != null && !shared.isBlank() ? Path.of(shared) : dataDirectory.getParent().resolve("pg-binaries");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} owned by the application role unless it already exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private void createRole() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // NOSUPERUSER NOBYPASSRLS: row-level security on read models must apply to the services' role.
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "' NOSUPERUSER NOBYPASSRLS");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
