/**
 * Writing a projection's tables from its event handlers: statements collected over a processor's batch and sent as
 * JDBC batches when the batch commits, so that a replay of millions of events costs a few round trips per batch
 * rather than one per event. Builds on Axon's units of work and Spring's JDBC, never on a service.
 */
package fr.mutualis.kit.projection;
