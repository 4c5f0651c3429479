/**
 * What the portfolio's packages exchange: the commands the aggregates take (carrying the kit's {@code Caller}), the
 * domain events they record (stored in the event store under these class names, owners as the kit's {@code Owner}),
 * and the values both carry (axes, statuses, scores, weights, transitions, the effect of a governance decision). Public
 * records and enums that depend only on the kit's tenancy and error types and on Axon's routing annotations: nothing
 * else of the service, no Spring type.
 */
package fr.mutualis.portfolio.messages;
