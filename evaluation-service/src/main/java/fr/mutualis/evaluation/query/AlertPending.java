package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Owners whose alerts may have changed, marked in the transaction of the change (a consumed event, a projected
 * alert, new thresholds) and drained by the {@link AlertEngine}.
 */
@Component
public class AlertPending {

    private final PendingMarks marks;

    public AlertPending(JdbcClient jdbc) {
        this.marks = new PendingMarks(jdbc, "alert_pending", "owner_id");
    }

    public void mark(String ownerId) {
        if (ownerId != null) {
            marks.mark(ownerId);
        }
    }

    /** Takes up to {@code limit} marked owners off the list. */
    public List<String> take(int limit) {
        return marks.take(limit);
    }
}
