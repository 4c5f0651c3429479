package fr.mutualis.e2e.support;

import fr.mutualis.localstack.LocalStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source of truth of each service: its Axon event store ({@code domain_event_entry}), read in its own
 * database. A write that changed anything appended an event there, whatever its read models show and however late
 * they catch up; so "a refused request changed nothing" is "the event store of the service it targeted did not
 * grow". One connection per database, kept for the whole class, so that a check per request stays cheap.
 */
public final class EventStores implements AutoCloseable {

    private final Map<String, SingleConnectionDataSource> sources = new LinkedHashMap<>();
    private final Map<String, JdbcClient> clients = new LinkedHashMap<>();

    public EventStores() {
        LocalStack stack = Platform.stack();
        for (String context : OpenApi.SERVICES) {
            SingleConnectionDataSource source = new SingleConnectionDataSource(stack.jdbcUrl(context),
                    LocalStack.DB_USERNAME, LocalStack.DB_PASSWORD, true);
            sources.put(context, source);
            clients.put(context, JdbcClient.create(source));
        }
    }

    /**
     * Aggregates a service changes by itself, in the background, from what it consumed or from the time of day: the
     * evaluation's alerts (raised and ended by its engine). Their events are nobody's request's doing.
     */
    private static final String BACKGROUND = "type IS DISTINCT FROM 'Alert'";

    /**
     * The highest global index of the context's event store, left aside what the service appends by itself: it grows
     * with every event a request caused, never otherwise.
     */
    public long position(String context) {
        JdbcClient jdbc = clients.get(context);
        if (jdbc == null) {
            throw new IllegalArgumentException("No event store for " + context);
        }
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry WHERE " + BACKGROUND)
                .query(Long.class).single();
    }

    /** The payload types appended to the context's store after {@code position}: what a grown store recorded. */
    public List<String> appendedSince(String context, long position) {
        return clients.get(context).sql("SELECT payload_type || ' ' || aggregate_identifier FROM domain_event_entry"
                        + " WHERE global_index > ? AND " + BACKGROUND + " ORDER BY global_index LIMIT 5")
                .param(position).query(String.class).list();
    }

    /**
     * Waits until no store grows for {@code quiet}: events a previous write set off in other services (through Kafka)
     * must have landed before a test attributes a growth to its own request. Gives up after {@code patience}.
     */
    public void awaitQuiet(Duration quiet, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Long> last = positions();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            Map<String, Long> now = positions();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= quiet.toNanos()) {
                return;
            }
        }
    }

    public Map<String, Long> positions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        clients.keySet().forEach(context -> positions.put(context, position(context)));
        return positions;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sources.values().forEach(SingleConnectionDataSource::destroy);
    }
}
