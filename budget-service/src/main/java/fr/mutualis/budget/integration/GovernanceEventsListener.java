package fr.mutualis.budget.integration;

import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.DecisionNotApplied;
import fr.mutualis.budget.query.GovernanceDirectory;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.kit.integration.IntegrationEventHandlers;
import fr.mutualis.kit.integration.IntegrationEventInbox;
import fr.mutualis.kit.tenant.Owner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Feeds the budget's copy of governance from {@code mutualis.governance.events}, once per event (the inbox records
 * the event id in the same transaction): convention shares and approved budget arbitrations. An approved arbitration
 * on a line that is not one of the deciding owner's here is told as {@code DecisionNotApplied}, in the same
 * transaction, so that evaluation raises an alert instead of the decision looking applied everywhere.
 */
@Component
public class GovernanceEventsListener {

    private static final String BUDGET_ARBITRATION = "BUDGET_ARBITRATION";

    private final IntegrationEventInbox inbox;
    private final EventStore events;
    private final IntegrationEventHandlers handlers;

    public GovernanceEventsListener(IntegrationEventInbox inbox, GovernanceDirectory directory, EventStore events) {
        this.inbox = inbox;
        this.events = events;
        // Collectivités are kept by the kit's directory; other governance events say nothing the budget uses.
        this.handlers = IntegrationEventHandlers.create()
                .on(MutualisationCreated.class, directory::record)
                .on(DecisionPublished.class, decision -> {
                    directory.record(decision);
                    reportLinesNotApplied(decision);
                });
    }

    @KafkaListener(id = "budget-governance-events", topics = Topics.GOVERNANCE)
    void on(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }

    private void reportLinesNotApplied(DecisionPublished decision) {
        if (!BUDGET_ARBITRATION.equals(decision.agendaItemKind()) || !"APPROVED".equals(decision.outcome())
                || decision.amounts() == null || decision.ownerId() == null) {
            return;
        }
        for (DecisionPublished.ArbitratedAmount amount : decision.amounts()) {
            if (amount.budgetLineId() == null) {
                continue;
            }
            String reason = reasonNotApplied(amount.budgetLineId(), decision.ownerId());
            if (reason != null) {
                events.publish(GenericEventMessage.asEventMessage(new DecisionNotApplied(decision.decisionId(),
                        Owner.of(decision.ownerId()), BUDGET_ARBITRATION, amount.budgetLineId().toString(), reason)));
            }
        }
    }

    /**
     * Told by the line's first event in the event store, not by the read models, which may lag or be rebuilding: null
     * when the line is the deciding owner's.
     */
    private String reasonNotApplied(UUID lineId, String decidingOwner) {
        DomainEventStream stream = events.readEvents(lineId.toString(), 0);
        if (!stream.hasNext()) {
            return "UNKNOWN_SUBJECT";
        }
        DomainEventMessage<?> first = stream.peek();
        if (!(first.getPayload() instanceof BudgetLineOpened opened)) {
            return "UNKNOWN_SUBJECT";
        }
        return opened.ownerId().id().equals(decidingOwner) ? null : "OTHER_OWNER";
    }
}
