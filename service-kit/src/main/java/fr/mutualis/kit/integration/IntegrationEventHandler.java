package fr.mutualis.kit.integration;

import fr.mutualis.contracts.EventEnvelope;

/** Applies one integration event; runs inside the transaction that records the event id as processed. */
@FunctionalInterface
public interface IntegrationEventHandler {

    void handle(EventEnvelope envelope);
}
