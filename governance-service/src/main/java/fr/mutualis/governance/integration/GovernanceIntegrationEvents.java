package fr.mutualis.governance.integration;

import fr.mutualis.contracts.governance.DecisionPublished.ArbitratedAmount;
import fr.mutualis.governance.messages.CollectiviteRegistered;
import fr.mutualis.governance.messages.DecisionPublished;
import fr.mutualis.governance.messages.ElectedLeadDesignated;
import fr.mutualis.governance.messages.InstanceCreated;
import fr.mutualis.governance.messages.MutualisationCreated;
import fr.mutualis.governance.messages.SessionClosed;
import fr.mutualis.governance.messages.SessionScheduled;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What governance tells the other contexts, in the published vocabulary of {@code contracts}. Provisional
 * séance events (agenda, roll call, votes) stay inside: only what the closing of a séance makes final goes out.
 */
@Component
public class GovernanceIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            // A collectivité owns its own directory entry: the tenant is the SIREN itself.
            case CollectiviteRegistered e -> new OutboundEvent(e.siren(),
                    new fr.mutualis.contracts.governance.CollectiviteRegistered(e.siren(), e.name(), e.kind().name(),
                            e.population(), e.epciSiren(), e.siret()));
            case ElectedLeadDesignated e -> new OutboundEvent(e.siren(),
                    new fr.mutualis.contracts.governance.ElectedLeadDesignated(e.siren(), e.name()));
            // The mutualisation owns itself: its data is addressed by its id.
            case MutualisationCreated e -> new OutboundEvent(e.mutualisationId().toString(),
                    new fr.mutualis.contracts.governance.MutualisationCreated(e.mutualisationId(), e.name(),
                            e.epciSiren(), e.memberSirens(), e.allocationMethod().name(), e.shares()));
            case InstanceCreated e -> new OutboundEvent(e.ownerId().id(),
                    new fr.mutualis.contracts.governance.InstanceCreated(e.instanceId(), e.ownerId().id(), e.name(),
                            e.kind().name(), e.cadence().name()));
            case DecisionPublished e -> new OutboundEvent(e.ownerId().id(),
                    new fr.mutualis.contracts.governance.DecisionPublished(e.decisionId(), e.sessionId(),
                            e.instanceId(), e.ownerId().id(), e.instanceKind().name(), e.agendaItemId(),
                            e.agendaItemKind().name(), e.subjectId(), e.title(), e.outcome().name(), e.votesFor(),
                            e.votesAgainst(), e.abstentions(),
                            e.amounts().stream()
                                    .map(a -> new ArbitratedAmount(a.budgetLineId(), a.projectId(), a.amountCents()))
                                    .toList(),
                            e.decidedOn()));
            // Séances convened before the owner and the convocation were recorded are not announced: they are long held.
            case SessionScheduled e when e.ownerId() != null && e.convenedAt() != null -> new OutboundEvent(e.ownerId().id(),
                    new fr.mutualis.contracts.governance.SessionScheduled(e.sessionId(), e.instanceId(), e.ownerId().id(),
                            e.instanceKind().name(), e.scheduledAt(), e.convenedAt(), e.urgent()));
            case SessionClosed e -> new OutboundEvent(e.ownerId().id(),
                    new fr.mutualis.contracts.governance.SessionClosed(e.sessionId(), e.instanceId(), e.ownerId().id(),
                            e.heldOn(), e.decisionCount()));
            default -> null;
        });
    }
}
