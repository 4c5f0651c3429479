package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Collectivités whose barometer criteria may have changed, marked in the transaction of the change and drained by
 * the {@link BarometerProfileTracker}. Rows owned by a mutualisation are not marked: the barometer is per collectivité.
 */
@Component
public class BarometerPending {

    private static final Pattern SIREN = Pattern.compile("\\d{9}");

    private final JdbcClient jdbc;

    public BarometerPending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void mark(String ownerId) {
        if (ownerId == null || !SIREN.matcher(ownerId).matches()) {
            return;
        }
        jdbc.sql("INSERT INTO barometer_pending (siren, marked_at) VALUES (:siren, now()) ON CONFLICT (siren) DO NOTHING")
                .param("siren", ownerId)
                .update();
    }

    /** Takes up to {@code limit} marked collectivités off the list. */
    public List<String> take(int limit) {
        return jdbc.sql("""
                        DELETE FROM barometer_pending WHERE siren IN (
                            SELECT siren FROM barometer_pending ORDER BY marked_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING siren""")
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
