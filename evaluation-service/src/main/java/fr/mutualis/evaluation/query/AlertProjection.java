package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.AlertEnded;
import fr.mutualis.evaluation.messages.AlertRaised;
import fr.mutualis.kit.projection.ProjectionUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Projects the alerts' events into {@code alert_view}. Idempotent, so replays are safe. Each projected change marks its
 * owner for the engine again: a cause that went away (or came back) while the view still lagged behind the engine's
 * last command is then reconciled at once instead of at the next sweep.
 */
@Component
@ProcessingGroup(AlertProjection.GROUP)
public class AlertProjection {

    public static final String GROUP = "alert-projection";

    private final ProjectionUpdates jdbc;
    private final AlertPending pending;

    public AlertProjection(ProjectionUpdates jdbc, AlertPending pending) {
        this.jdbc = jdbc;
        this.pending = pending;
    }

    @EventHandler
    void on(AlertRaised event) {
        jdbc.sql("""
                        INSERT INTO alert_view (alert_id, kind, owner_id, subject_kind, subject_id, cause_key, subject_label,
                            since, detail)
                        VALUES (:id, :kind, :owner, :subjectKind, :subjectId, :causeKey, :label, :since, :detail)
                        ON CONFLICT (alert_id) DO NOTHING""")
                .param("id", event.alertId())
                .param("kind", event.kind().name())
                .param("owner", event.ownerId().id())
                .param("subjectKind", event.subjectKind().name())
                .param("subjectId", event.subjectId())
                .param("causeKey", event.causeKey())
                .param("label", event.subjectLabel())
                .param("since", Timestamp.from(event.since()))
                .param("detail", event.detail())
                .update();
        pending.mark(event.ownerId().id());
    }

    @EventHandler
    void on(AlertEnded event) {
        jdbc.sql("UPDATE alert_view SET until = :until, end_reason = :reason WHERE alert_id = :id")
                .param("id", event.alertId())
                .param("until", Timestamp.from(event.until()))
                .param("reason", event.reason())
                .update();
        pending.mark(event.ownerId().id());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE alert_view").update();
    }
}
