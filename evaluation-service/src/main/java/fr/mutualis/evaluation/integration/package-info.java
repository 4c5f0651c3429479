/**
 * Kafka in and out: the listeners of the portfolio, governance and budget topics (typed handlers through the kit's
 * inbox) feeding {@code query}'s projections, the mapping of evaluation's domain events to its published integration
 * events, and the rebuild that replays the topics and the event store.
 */
package fr.mutualis.evaluation.integration;
