/**
 * The budget's aggregates (budget lines, programmes, budgets of a year, cost allocations) and their internals: they
 * decide each command from their own events and guard the rules of DOMAIN.md §3. Package-private, reached only
 * through the messages sent on Axon's command gateway; they depend on {@code messages}, the kit's errors and tenancy,
 * and Axon, never on the web, JDBC, security, Kafka or the other packages of the service.
 */
package fr.mutualis.budget.command;
