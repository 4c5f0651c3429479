/**
 * The portfolio's read side: the projection of the domain events into PostgreSQL ({@code roadmap_view},
 * {@code project_view}, {@code milestone_view}, the {@code project_priority} view), the reads restricted to the owners
 * a caller sees, and the audit trail read from the event store. Depends on {@code messages}, the kit, Axon and Spring
 * JDBC; never on the API or the integration.
 */
package fr.mutualis.portfolio.query;
