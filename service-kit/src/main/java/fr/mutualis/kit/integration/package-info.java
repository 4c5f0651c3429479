/**
 * Kafka integration shared by the services: the publishing processor (the event store as outbox), the idempotent
 * consumer inbox, dead letters, and the counters that describe them.
 */
package fr.mutualis.kit.integration;
