package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.AlertEnded;
import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.messages.AlertRaised;
import fr.mutualis.evaluation.messages.AlertSubjectKind;
import fr.mutualis.evaluation.messages.EndAlert;
import fr.mutualis.evaluation.messages.RaiseAlert;
import fr.mutualis.kit.tenant.Owner;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One alert, from its raising to its end. Its id is deterministic (see {@link RaiseAlert}), so the commands are
 * idempotent: a second raise or a second end records nothing, which makes the engine safe to run twice over the same
 * cause, by a redelivered event or by several instances.
 */
@Aggregate
class Alert {

    @AggregateIdentifier
    private UUID alertId;
    private AlertKind kind;
    private Owner ownerId;
    private AlertSubjectKind subjectKind;
    private String subjectId;
    private Instant since;
    private boolean ended;

    protected Alert() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseAlert command) {
        if (alertId != null) {
            return;
        }
        apply(new AlertRaised(command.alertId(), command.kind(), command.ownerId(), command.subjectKind(),
                command.subjectId(), command.causeKey(), command.subjectLabel(), command.since(), command.detail()));
    }

    @CommandHandler
    void handle(EndAlert command) {
        if (ended) {
            return;
        }
        // An end dated before the start (a clock moved back, a cause dated ahead) would read as a negative duration.
        Instant until = command.until().isBefore(since) ? since : command.until();
        apply(new AlertEnded(alertId, kind, ownerId, subjectKind, subjectId, since, until, command.reason()));
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        alertId = event.alertId();
        kind = event.kind();
        ownerId = event.ownerId();
        subjectKind = event.subjectKind();
        subjectId = event.subjectId();
        since = event.since();
    }

    @EventSourcingHandler
    void on(AlertEnded event) {
        ended = true;
    }
}
