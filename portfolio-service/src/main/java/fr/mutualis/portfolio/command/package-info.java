/**
 * The portfolio's aggregates, {@code Roadmap} and {@code Project}, event-sourced with Axon: they check who acts
 * ({@code Caller.requireManages}) and the domain's rules, then record events. Package-private: only
 * {@code messages} go in and out. Depends on {@code messages}, the kit's tenancy and error types and Axon; never on
 * Spring Web, JDBC, Security or Kafka, nor on the read side, the API or the integration.
 */
package fr.mutualis.portfolio.command;
