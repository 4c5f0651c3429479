package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.messages.EndAlert;
import fr.mutualis.evaluation.messages.RaiseAlert;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps each owner's alerts in step with the rules: compares the causes that hold ({@link AlertRules}) with the open
 * alerts and raises or ends the difference. Owners marked by a consumed event are reconciled at once, for every kind
 * but the deadline ones, which only the sweep raises (time alone makes them hold, and a séance recorded after the
 * fact must not flash an alert between its convocation and its closing); an event may end any kind. The sweep
 * reconciles every owner with every rule.
 * <p>
 * Several instances may run this at once: owners are taken with SKIP LOCKED, and an alert's id is derived from its
 * kind, its cause and how many alerts of that cause ended before, so that two instances raising the same alert send
 * the same idempotent command.
 */
@Component
public class AlertEngine {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    private static final int BATCH = 100;

    private final AlertRules rules;
    private final AlertPending pending;
    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReadModelRebuild rebuild;

    public AlertEngine(AlertRules rules, AlertPending pending, CommandGateway commands, JdbcClient jdbc,
                       TransactionTemplate transactions, Clock clock, ReadModelRebuild rebuild) {
        this.rules = rules;
        this.pending = pending;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.rebuild = rebuild;
    }

    @Scheduled(fixedDelayString = "${mutualis.alerts.track-interval-ms:500}")
    public void reconcileMarked() {
        if (rebuild.inProgress()) {
            // Half-rebuilt read models would end alerts whose cause is merely not replayed yet.
            return;
        }
        List<String> owners;
        do {
            owners = Objects.requireNonNull(transactions.execute(status -> pending.take(BATCH)));
            owners.forEach(owner -> reconcile(owner, false));
        } while (owners.size() == BATCH);
    }

    /** Often enough that a deadline passed is seen within minutes. */
    @Scheduled(fixedDelayString = "${mutualis.alerts.sweep-interval-ms:300000}",
            initialDelayString = "${mutualis.alerts.sweep-initial-delay-ms:300000}")
    public void sweep() {
        if (rebuild.inProgress()) {
            return;
        }
        List<String> owners = jdbc.sql("""
                        SELECT owner_id FROM budget_line UNION SELECT owner_id FROM budget_programme
                        UNION SELECT owner_id FROM indicator_view
                        UNION SELECT owner_id FROM decision_not_applied UNION SELECT owner_id FROM portfolio_milestone
                        UNION SELECT owner_id FROM governance_instance UNION SELECT owner_id FROM governance_session_scheduled
                        UNION SELECT owner_id FROM alert_view WHERE until IS NULL""")
                .query(String.class).list();
        owners.forEach(this::sweep);
        log.info("Alert sweep: {} owners reconciled", owners.size());
    }

    /** Reconciles one owner's alerts with every rule, the deadline ones included. */
    public void sweep(String owner) {
        reconcile(owner, true);
    }

    private void reconcile(String owner, boolean withDeadlines) {
        try {
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock);
            Map<String, AlertCause> causes = rules.causes(owner, today, now).stream()
                    .collect(Collectors.toMap(cause -> key(cause.kind().name(), cause.causeKey()), Function.identity(),
                            (first, second) -> first));
            List<OpenAlert> open = jdbc.sql("SELECT alert_id, kind, cause_key FROM alert_view WHERE owner_id = :owner AND until IS NULL")
                    .param("owner", owner)
                    .query((rs, row) -> new OpenAlert(rs.getObject("alert_id", UUID.class), rs.getString("kind"),
                            rs.getString("cause_key")))
                    .list();
            for (OpenAlert alert : open) {
                if (causes.remove(key(alert.kind(), alert.causeKey())) == null) {
                    commands.sendAndWait(new EndAlert(alert.alertId(), now, endReason(AlertKind.valueOf(alert.kind()))));
                }
            }
            for (AlertCause cause : causes.values()) {
                if (cause.kind().deadline() && !withDeadlines) {
                    continue;
                }
                commands.sendAndWait(new RaiseAlert(alertId(cause.kind(), cause.causeKey(), endedBefore(cause)),
                        cause.kind(), Owner.of(owner), cause.subjectKind(), cause.subjectId(), cause.causeKey(),
                        cause.subjectLabel(), cause.since(), cause.detail()));
            }
        } catch (RuntimeException e) {
            // Kept for the next round rather than lost: the alerts must eventually follow their causes.
            log.warn("Alerts of {} not reconciled, retrying later: {}", owner, e.getMessage());
            transactions.executeWithoutResult(status -> pending.mark(owner));
        }
    }

    private long endedBefore(AlertCause cause) {
        return jdbc.sql("SELECT count(*) FROM alert_view WHERE kind = :kind AND cause_key = :cause AND until IS NOT NULL")
                .param("kind", cause.kind().name())
                .param("cause", cause.causeKey())
                .query(Long.class).single();
    }

    /** The n-th alert of one cause (counting from 0): the same everywhere, whoever computes it. */
    static UUID alertId(AlertKind kind, String causeKey, long occurrence) {
        return UUID.nameUUIDFromBytes((kind.name() + "|" + causeKey + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
    }

    /** Why an alert of {@code kind} ended, in French: what the rule no longer finds. */
    static String endReason(AlertKind kind) {
        return switch (kind) {
            case CREDITS_NEARLY_CONSUMED -> "La consommation de la ligne est repassée sous le seuil (crédits votés, virement ou seuil relevé)";
            case CP_SHORTFALL -> "L'échéancier de CP couvre de nouveau les engagements restant à mandater";
            case INDICATOR_OFF_TRACK -> "La dernière mesure n'est plus hors trajectoire";
            case DECISION_NOT_APPLIED -> "L'objet de la décision a atteint l'état qu'elle lui donnait";
            case MILESTONE_LATE -> "Le jalon est atteint, ou le projet terminé";
            case CADENCE_NOT_KEPT -> "Une séance a été tenue dans la dernière période de la cadence";
            case SHORT_NOTICE -> "La séance s'est tenue";
            case MINUTES_LATE -> "Le procès-verbal de la séance est publié";
        };
    }

    /** One open alert per kind and cause. */
    private static String key(String kind, String causeKey) {
        return kind + "|" + causeKey;
    }

    private record OpenAlert(UUID alertId, String kind, String causeKey) {
    }
}
