/**
 * The budget's REST API (API.md): controllers and their request records. They validate the input, take the kit's
 * {@code Caller}, send commands (directly or through {@code application}) and answer from {@code query}. Depends on
 * {@code messages}, {@code application}, {@code query} and the kit; never on {@code command} or Kafka.
 */
package fr.mutualis.budget.api;
