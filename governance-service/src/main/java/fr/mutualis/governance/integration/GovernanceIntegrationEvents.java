package fr.mutualis.governance.integration;

import fr.mutualis.governance.command.CollectiviteRegistered;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What governance tells the other contexts, in the published vocabulary of {@code contracts}. */
@Component
public class GovernanceIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            // A collectivité owns its own directory entry: the tenant is the SIREN itself.
            case CollectiviteRegistered e -> new OutboundEvent(e.siren(),
                    new fr.mutualis.contracts.governance.CollectiviteRegistered(e.siren(), e.name(), e.kind().name(),
                            e.population(), e.epciSiren()));
            default -> null;
        });
    }
}
