package fr.mutualis.evaluation.notification;

import fr.mutualis.kit.time.FrenchTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static fr.mutualis.evaluation.notification.AlertDeliveries.timestamp;

/**
 * Sends the pending deliveries through SMTP: each immediate delivery as its own mail, the digest deliveries of a
 * person and day as one mail once that day is over (at {@code digest-hour}, Paris time). Each mail is sent while its
 * row is locked ({@code FOR UPDATE SKIP LOCKED}): several instances of the service share the work, and only one sends a
 * given mail. It is marked sent in the same transaction, once the server accepted it; a refusal or an unreachable
 * server leaves it pending with one attempt more and a later next attempt (exponential backoff), never dropped.
 * <p>
 * What remains: should the process die, or the database fail, between the server's acceptance and the commit, the mail
 * is sent again at the next attempt. It then carries the same {@code Message-ID} (derived from the alert, or the day,
 * and the person), so that the duplicate is visible and mail clients can drop it.
 */
@Component
public class AlertMailer {

    private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);
    /** Mails sent per scheduled run and kind, so that one run never holds the scheduler for long. */
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JavaMailSender mail;
    private final NotificationProperties settings;
    private final AlertMails mails;
    private final Clock clock;
    private final MeterRegistry meters;

    public AlertMailer(JdbcClient jdbc, TransactionTemplate transactions, JavaMailSender mail,
                       NotificationProperties settings, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mail = mail;
        this.settings = settings;
        this.mails = new AlertMails(settings);
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${mutualis.notification.poll-interval-ms:1000}")
    void sendDue() {
        Instant now = clock.instant();
        sendImmediate(now);
        sendDigests(now);
    }

    /** Sends the immediate deliveries due at {@code now}; returns how many mails the server accepted. */
    public int sendImmediate(Instant now) {
        int accepted = 0;
        for (int i = 0; i < BATCH; i++) {
            Outcome outcome = transactions.execute(status -> jdbc.sql("""
                            SELECT d.person_id, d.email, d.attempts, a.*
                            FROM alert_delivery d JOIN notified_alert a ON a.alert_id = d.alert_id
                            WHERE d.status = 'PENDING' AND d.mode = 'IMMEDIATE' AND d.next_attempt_at <= :now
                            ORDER BY d.next_attempt_at
                            LIMIT 1
                            FOR UPDATE OF d SKIP LOCKED""")
                    .param("now", timestamp(now))
                    .query((row, number) -> {
                        NotifiedAlert alert = alert(row);
                        String person = row.getString("person_id");
                        int attempts = row.getInt("attempts") + 1;
                        String error = send(mails.immediate(alert, person, row.getString("email")), "immediate");
                        boolean ok = error == null;
                        jdbc.sql(ok ? """
                                        UPDATE alert_delivery SET status = 'SENT', attempts = :attempts, sent_at = :now,
                                            last_error = NULL
                                        WHERE alert_id = :alert AND person_id = :person"""
                                        : """
                                        UPDATE alert_delivery SET attempts = :attempts, next_attempt_at = :next,
                                            last_error = :error
                                        WHERE alert_id = :alert AND person_id = :person""")
                                .param("attempts", attempts)
                                .param("now", timestamp(now))
                                .param("next", timestamp(now.plus(settings.backoff(attempts))))
                                .param("error", error)
                                .param("alert", alert.alertId())
                                .param("person", person)
                                .update();
                        return ok ? Outcome.SENT : Outcome.FAILED;
                    }).optional().orElse(null));
            // Nothing due, or the server refused: the next run tries again (a server that does not answer costs one
            // connection timeout per run, not one per pending mail).
            if (outcome == null || outcome == Outcome.FAILED) {
                break;
            }
            accepted++;
        }
        return accepted;
    }

    /**
     * Sends the digests due at {@code now}: those of every day whose next day has reached {@code digest-hour} (Paris).
     * A digest delivery recorded for a day whose digest already went (an alert heard late) moves to today's digest.
     * Returns how many mails the server accepted.
     */
    public int sendDigests(Instant now) {
        ZonedDateTime local = now.atZone(FrenchTime.ZONE);
        LocalDate today = local.toLocalDate();
        LocalDate lastDue = local.getHour() >= settings.digestHour() ? today.minusDays(1) : today.minusDays(2);
        transactions.executeWithoutResult(status -> {
            int moved = jdbc.sql("""
                            UPDATE alert_delivery d SET digest_day = :today
                            FROM alert_digest g
                            WHERE d.mode = 'DAILY_DIGEST' AND d.status = 'PENDING' AND g.status = 'SENT'
                              AND g.person_id = d.person_id AND g.digest_day = d.digest_day""")
                    .param("today", today)
                    .update();
            if (moved > 0) {
                jdbc.sql("""
                                INSERT INTO alert_digest (person_id, digest_day, email, next_attempt_at)
                                SELECT DISTINCT ON (person_id) person_id, digest_day, email, :now FROM alert_delivery
                                WHERE mode = 'DAILY_DIGEST' AND status = 'PENDING' AND digest_day = :today
                                ON CONFLICT (person_id, digest_day) DO NOTHING""")
                        .param("today", today)
                        .param("now", timestamp(now))
                        .update();
            }
        });
        int accepted = 0;
        for (int i = 0; i < BATCH; i++) {
            Outcome outcome = transactions.execute(status -> jdbc.sql("""
                            SELECT person_id, digest_day, email, attempts FROM alert_digest
                            WHERE status = 'PENDING' AND digest_day <= :lastDue AND next_attempt_at <= :now
                            ORDER BY digest_day, person_id
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED""")
                    .param("lastDue", lastDue)
                    .param("now", timestamp(now))
                    .query((row, number) -> sendDigest(row.getString("person_id"), row.getObject("digest_day", LocalDate.class),
                            row.getString("email"), row.getInt("attempts") + 1, now))
                    .optional().orElse(null));
            if (outcome == null || outcome == Outcome.FAILED) {
                break;
            }
            accepted += outcome == Outcome.SENT ? 1 : 0;
        }
        return accepted;
    }

    private Outcome sendDigest(String person, LocalDate day, String email, int attempts, Instant now) {
        List<NotifiedAlert> alerts = jdbc.sql("""
                        SELECT a.* FROM alert_delivery d JOIN notified_alert a ON a.alert_id = d.alert_id
                        WHERE d.person_id = :person AND d.digest_day = :day AND d.mode = 'DAILY_DIGEST'
                        ORDER BY a.raised_at, a.alert_id""")
                .param("person", person)
                .param("day", day)
                .query((row, number) -> alert(row))
                .list();
        if (alerts.isEmpty()) {
            jdbc.sql("DELETE FROM alert_digest WHERE person_id = :person AND digest_day = :day")
                    .param("person", person).param("day", day).update();
            return Outcome.NOTHING;
        }
        String error = send(mails.digest(day, alerts, person, email), "digest");
        boolean ok = error == null;
        jdbc.sql(ok ? """
                        UPDATE alert_digest SET status = 'SENT', attempts = :attempts, sent_at = :now, last_error = NULL
                        WHERE person_id = :person AND digest_day = :day"""
                        : """
                        UPDATE alert_digest SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                        WHERE person_id = :person AND digest_day = :day""")
                .param("attempts", attempts)
                .param("now", timestamp(now))
                .param("next", timestamp(now.plus(settings.backoff(attempts))))
                .param("error", error)
                .param("person", person)
                .param("day", day)
                .update();
        if (ok) {
            jdbc.sql("""
                            UPDATE alert_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = :now
                            WHERE person_id = :person AND digest_day = :day AND mode = 'DAILY_DIGEST'""")
                    .param("now", timestamp(now))
                    .param("person", person)
                    .param("day", day)
                    .update();
        }
        return ok ? Outcome.SENT : Outcome.FAILED;
    }

    /** What became of one pending mail: accepted, refused (to retry), or nothing left to send in it. */
    private enum Outcome {
        SENT, FAILED, NOTHING
    }

    /** Hands one mail to the SMTP server: null once it accepted it, else why not. */
    private String send(AlertMail message, String mode) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.text(), false);
            // Kept by JavaMailSenderImpl: an explicit Message-ID survives saveChanges().
            mime.setHeader("Message-ID", message.messageId());
            mail.send(mime);
            counter("mutualis.mail.sent", mode).increment();
            return null;
        } catch (MailException | MessagingException e) {
            counter("mutualis.mail.failed", mode).increment();
            log.warn("alert mail {} to {} not sent, will retry: {}", message.messageId(), message.to(), e.toString());
            return String.valueOf(e.getMessage());
        }
    }

    private Counter counter(String name, String mode) {
        return Counter.builder(name).description("Alert mails the SMTP server accepted (sent) or not (failed, retried)")
                .tag("mode", mode).register(meters);
    }

    private static NotifiedAlert alert(ResultSet row) throws SQLException {
        return new NotifiedAlert(row.getObject("alert_id", UUID.class), row.getString("kind"), row.getString("subject_kind"),
                row.getString("subject_id"), row.getString("subject_label"), AlertMails.orNull(row.getTimestamp("since")),
                row.getString("detail"), AlertMails.orNull(row.getTimestamp("ended_at")), row.getString("end_reason"));
    }
}
