/**
 * Axon on the service's own PostgreSQL: JDBC event and token stores, pooled processors woken by new events, the
 * upcaster of events whose type moved, and the audit metadata (tenant, user, correlation id) stamped on every command
 * and carried to its events. Depends on the kit's tenancy and web request scope, never on what builds on Axon
 * (rebuild, integration).
 */
package fr.mutualis.kit.axon;
