package fr.mutualis.evaluation.notification;

import fr.mutualis.contracts.evaluation.AlertEnded;
import fr.mutualis.contracts.evaluation.AlertRaised;
import fr.mutualis.kit.time.FrenchTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Records, for an alert raised, one delivery per person subscribed to its kind in a tenant that sees its owner (the
 * owner itself, or a member or the EPCI of the owning mutualisation), keyed by (alert, person): the same alert heard
 * again (a redelivered record, a republished event) records nothing more. Runs in the inbox's transaction.
 */
@Component
public class AlertDeliveries {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AlertDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void raised(AlertRaised alert, Instant occurredAt) {
        Instant now = clock.instant();
        Instant raisedAt = Objects.requireNonNullElse(occurredAt, now);
        // The first AlertRaised says what the mails tell; an AlertEnded heard first left the rest empty.
        jdbc.sql("""
                        INSERT INTO notified_alert (alert_id, kind, owner_id, subject_kind, subject_id, subject_label, since,
                                                    detail, raised_at)
                        VALUES (:alert, :kind, :owner, :subjectKind, :subjectId, :label, :since, :detail, :raisedAt)
                        ON CONFLICT (alert_id) DO UPDATE SET kind = excluded.kind, owner_id = excluded.owner_id,
                            subject_kind = excluded.subject_kind, subject_id = excluded.subject_id,
                            subject_label = excluded.subject_label, since = excluded.since, detail = excluded.detail,
                            raised_at = excluded.raised_at
                        WHERE notified_alert.raised_at IS NULL""")
                .param("alert", alert.alertId())
                .param("kind", alert.kind())
                .param("owner", alert.ownerId())
                .param("subjectKind", alert.subjectKind())
                .param("subjectId", alert.subjectId())
                .param("label", alert.subjectLabel())
                .param("since", timestamp(alert.since()))
                .param("detail", alert.detail())
                .param("raisedAt", timestamp(raisedAt))
                .update();
        // One delivery per person: subscribed in several tenants that see the owner, the immediate mode wins.
        jdbc.sql("""
                        INSERT INTO alert_delivery (alert_id, person_id, tenant_id, email, mode, digest_day, next_attempt_at,
                                                    created_at)
                        SELECT DISTINCT ON (s.person_id) :alert, s.person_id, s.tenant_id, s.email, s.mode,
                               CASE WHEN s.mode = 'DAILY_DIGEST' THEN CAST(:day AS DATE) END, :now, :now
                        FROM alert_subscription s
                        WHERE s.kind = :kind
                          AND (s.tenant_id = :owner
                               OR s.tenant_id IN (SELECT m.siren FROM kit_mutualisation_member m
                                                  WHERE m.mutualisation_id::text = :owner)
                               OR s.tenant_id IN (SELECT k.epci_siren FROM kit_mutualisation k
                                                  WHERE k.mutualisation_id::text = :owner))
                        ORDER BY s.person_id, s.mode = 'IMMEDIATE' DESC
                        ON CONFLICT (alert_id, person_id) DO NOTHING""")
                .param("alert", alert.alertId())
                .param("kind", alert.kind())
                .param("owner", alert.ownerId())
                .param("day", LocalDate.ofInstant(raisedAt, FrenchTime.ZONE))
                .param("now", timestamp(now))
                .update();
        jdbc.sql("""
                        INSERT INTO alert_digest (person_id, digest_day, email, next_attempt_at)
                        SELECT person_id, digest_day, email, :now FROM alert_delivery
                        WHERE alert_id = :alert AND mode = 'DAILY_DIGEST'
                        ON CONFLICT (person_id, digest_day) DO NOTHING""")
                .param("alert", alert.alertId())
                .param("now", timestamp(now))
                .update();
    }

    /**
     * The alert's cause went away. Mails not sent yet still go (an alert is never silently lost) and say it ended;
     * mails already sent are not followed by another.
     */
    void ended(AlertEnded alert) {
        jdbc.sql("""
                        INSERT INTO notified_alert (alert_id, kind, owner_id, subject_kind, subject_id, since, ended_at,
                                                    end_reason)
                        VALUES (:alert, :kind, :owner, :subjectKind, :subjectId, :since, :until, :reason)
                        ON CONFLICT (alert_id) DO UPDATE SET ended_at = excluded.ended_at, end_reason = excluded.end_reason""")
                .param("alert", alert.alertId())
                .param("kind", alert.kind())
                .param("owner", alert.ownerId())
                .param("subjectKind", alert.subjectKind())
                .param("subjectId", alert.subjectId())
                .param("since", timestamp(alert.since()))
                .param("until", timestamp(Objects.requireNonNullElse(alert.until(), clock.instant())))
                .param("reason", alert.reason())
                .update();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
