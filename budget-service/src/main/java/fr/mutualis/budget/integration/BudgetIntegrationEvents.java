package fr.mutualis.budget.integration;

import fr.mutualis.budget.command.BudgetLineOpened;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What the budget tells the other contexts, in the published vocabulary of {@code contracts}. */
@Component
public class BudgetIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            case BudgetLineOpened e -> new OutboundEvent(e.ownerId(), new fr.mutualis.contracts.budget.BudgetLineOpened(
                    e.lineId(), e.ownerId(), e.fiscalYear(), e.section().name(), e.chapter(), e.label(), e.projectId(),
                    e.plannedCents()));
            default -> null;
        });
    }
}
