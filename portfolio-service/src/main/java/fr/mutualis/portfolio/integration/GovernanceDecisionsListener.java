package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.kit.axon.AuditMetadata;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.integration.PoisonRecordException;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.AdoptRoadmap;
import fr.mutualis.portfolio.messages.ApproveProject;
import fr.mutualis.portfolio.messages.ChooseScenario;
import fr.mutualis.portfolio.messages.DecisionEffect;
import fr.mutualis.portfolio.messages.DecisionNotApplied;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Governance decides, the portfolio follows: an APPROVED PROJECT_GATE decision approves its project, an APPROVED
 * ROADMAP_ADOPTION decision adopts its roadmap, an APPROVED PRIORITISATION decision naming a scenario records it as
 * chosen (one naming a project or a roadmap, or nothing, is no concern of the portfolio); REJECTED and DEFERRED ones
 * change nothing.
 * <p>
 * Each decision is applied once (inbox) in the same transaction as its events, and every PROJECT_GATE,
 * ROADMAP_ADOPTION or scenario's PRIORITISATION decision received is noted in {@code governance_decision_receipt} with its effect. A decision that
 * cannot apply (unknown subject, subject not in ASSESSED/DRAFT, instance of another owner) is noted and skipped: it is
 * an immutable record of another context, retrying it would never succeed, and it must not block the decisions
 * behind it. Order does not matter: a late REJECTED or DEFERRED decision never undoes an approval, and a decision
 * already applied is recognised by its id.
 */
@Component
public class GovernanceDecisionsListener {

    /** Who an event caused by a decision is attributed to, in the audit trail. */
    static final String GOVERNANCE_USER = "governance";
    private static final Logger log = LoggerFactory.getLogger(GovernanceDecisionsListener.class);

    private final IntegrationEventInbox inbox;
    private final CommandGateway commands;
    private final EventStore events;
    private final JdbcClient jdbc;
    private final EventBus eventBus;
    private final IntegrationEventHandlers handlers;

    public GovernanceDecisionsListener(IntegrationEventInbox inbox, CommandGateway commands, EventStore events,
                                       JdbcClient jdbc) {
        this.inbox = inbox;
        this.eventBus = events;
        this.commands = commands;
        this.events = events;
        this.jdbc = jdbc;
        this.handlers = IntegrationEventHandlers.create().on(DecisionPublished.class, this::apply);
    }

    @KafkaListener(id = "portfolio-governance-decisions", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    private void apply(DecisionPublished decision, EventEnvelope envelope) {
        if (decision.decisionId() == null || decision.ownerId() == null || decision.agendaItemKind() == null
                || decision.outcome() == null) {
            throw new PoisonRecordException("DecisionPublished " + envelope.eventId()
                    + " lacks its decision id, owner, agenda item kind or outcome", null);
        }
        DecisionEffect effect = switch (decision.agendaItemKind()) {
            case "PROJECT_GATE" -> effectOf(decision, envelope, "Project",
                    subject -> new ApproveProject(subject, decision.decisionId(), Owner.of(decision.ownerId()),
                            decision.decidedOn()));
            case "ROADMAP_ADOPTION" -> effectOf(decision, envelope, "Roadmap",
                    subject -> new AdoptRoadmap(subject, decision.decisionId(), Owner.of(decision.ownerId()),
                            decision.decidedOn()));
            case "PRIORITISATION" -> subject(decision.subjectId(), "Scenario").isEmpty() ? null
                    : effectOf(decision, envelope, "Scenario", subject -> new ChooseScenario(subject,
                    decision.decisionId(), Owner.of(decision.ownerId()), decision.decidedOn()));
            default -> null;
        };
        if (effect == null) {
            return;
        }
        if (effect != DecisionEffect.APPLIED && effect != DecisionEffect.ALREADY_APPLIED && effect != DecisionEffect.NOT_APPROVED) {
            log.warn("Governance decision {} ({} on {}) not applied: {}", decision.decisionId(), decision.agendaItemKind(),
                    decision.subjectId(), effect);
            // Told to the other contexts (evaluation raises an alert), stored with the receipt in this transaction.
            eventBus.publish(GenericEventMessage.asEventMessage(new DecisionNotApplied(decision.decisionId(),
                    Owner.of(decision.ownerId()), decision.agendaItemKind(), decision.subjectId(), effect)));
        }
        jdbc.sql("""
                        INSERT INTO governance_decision_receipt (decision_id, agenda_item_kind, subject_id, outcome, effect, received_at)
                        VALUES (:id, :kind, :subject, :outcome, :effect, now())
                        ON CONFLICT (decision_id) DO NOTHING""")
                .param("id", decision.decisionId())
                .param("kind", decision.agendaItemKind())
                .param("subject", decision.subjectId())
                .param("outcome", decision.outcome())
                .param("effect", effect.name())
                .update();
    }

    private DecisionEffect effectOf(DecisionPublished decision, EventEnvelope envelope, String aggregateType,
                                    Function<UUID, Object> command) {
        if (!"APPROVED".equals(decision.outcome())) {
            return DecisionEffect.NOT_APPROVED;
        }
        Optional<UUID> subject = subject(decision.subjectId(), aggregateType);
        if (subject.isEmpty()) {
            return DecisionEffect.UNKNOWN_SUBJECT;
        }
        Map<String, Object> audit = new HashMap<>();
        audit.put(AuditMetadata.TENANT_ID, decision.ownerId());
        audit.put(AuditMetadata.USER_ID, GOVERNANCE_USER);
        audit.put(AuditMetadata.USER_NAME, "Decision " + decision.decisionId() + ": " + decision.title());
        if (envelope.correlationId() != null) {
            audit.put(AuditMetadata.CORRELATION_ID, envelope.correlationId());
        }
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.apply(subject.get()))
                .andMetaData(MetaData.from(audit)));
    }

    /**
     * The subject as an aggregate of the expected type, told by the first event of its stream in the event store: the
     * read models may lag or be rebuilding, and loading an aggregate that does not exist would fail the whole
     * transaction.
     */
    private Optional<UUID> subject(String subjectId, String aggregateType) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        DomainEventStream stream = events.readEvents(id.toString(), 0);
        return Optional.ofNullable(stream.hasNext() ? stream.peek().getType() : null)
                .filter(aggregateType::equals)
                .map(type -> id);
    }
}
