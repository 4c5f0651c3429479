package fr.mutualis.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes into a service's event store what an earlier build of it stored, to prove the service still reads it (an
 * upcaster, a moved event class).
 */
public final class EarlierEventStore {

    private EarlierEventStore() {
    }

    /**
     * Copies the first event of aggregate {@code from} as the first event of a new aggregate {@code to} (its id
     * replaced in the payload too), stored under the payload type {@code storedType}, e.g. the class's former name.
     */
    public static void copyFirstEvent(JdbcClient jdbc, String from, String to, String storedType) {
        int inserted = jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                                        payload_type, time_stamp, aggregate_identifier,
                                                        sequence_number, type)
                        SELECT gen_random_uuid()::text, meta_data,
                               convert_to(replace(convert_from(payload, 'UTF8'), :from, :to), 'UTF8'),
                               payload_revision, :storedType, time_stamp, :to, 0, type
                        FROM domain_event_entry WHERE aggregate_identifier = :from AND sequence_number = 0""")
                .param("from", from).param("to", to).param("storedType", storedType).update();
        if (inserted != 1) {
            throw new AssertionError("No first event of " + from + " to copy");
        }
    }
}
