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

    private final PendingMarks marks;

    public BarometerPending(JdbcClient jdbc) {
        this.marks = new PendingMarks(jdbc, "barometer_pending", "siren");
    }

    public void mark(String ownerId) {
        if (ownerId == null || !SIREN.matcher(ownerId).matches()) {
            return;
        }
        marks.mark(ownerId);
    }

    /** Takes up to {@code limit} marked collectivités off the list. */
    public List<String> take(int limit) {
        return marks.take(limit);
    }
}
