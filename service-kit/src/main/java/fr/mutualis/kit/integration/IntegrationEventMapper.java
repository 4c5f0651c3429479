package fr.mutualis.kit.integration;

import java.util.Optional;

/**
 * A service's translation from its internal domain events to the public integration events of
 * {@code contracts}. Domain events that are not part of the contract map to empty.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<OutboundEvent> map(Object domainEvent);
}
