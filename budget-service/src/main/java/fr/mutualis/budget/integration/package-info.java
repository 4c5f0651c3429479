/**
 * Kafka in and out: the domain events the budget publishes, mapped to the contracts' integration events, and the
 * governance events it consumes (through the kit's inbox and typed handlers) into its read models. Depends on
 * {@code messages}, {@code query}, {@code contracts} and the kit; never on {@code command} or {@code api}.
 */
package fr.mutualis.budget.integration;
