/**
 * Axon on the service's own PostgreSQL: JDBC event and token stores, pooled processors woken by new events, the
 * upcaster of events whose type moved, the audit metadata (tenant, user, correlation id) stamped on every command
 * and carried to its events, the lock that lets one command at a time write an aggregate (across instances, until its
 * transaction commits), and the signal that wakes the writes waiting for their projection. Depends on the kit's
 * tenancy, web request scope and read-your-writes, never on what builds on Axon (rebuild, integration).
 */
package fr.mutualis.kit.axon;
