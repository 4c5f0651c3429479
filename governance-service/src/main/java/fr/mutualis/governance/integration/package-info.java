/**
 * Kafka out: maps the domain events of {@code messages} to the published integration events of {@code contracts}
 * (through the kit's outbox). Governance consumes no other service's events.
 */
package fr.mutualis.governance.integration;
