/**
 * The HTTP API: controllers, their request records and the checks that need the request's Caller (who manages an
 * instance, which references an agenda may name). Sends commands from {@code messages}, reads {@code query}; never
 * touches Kafka or the aggregates.
 */
package fr.mutualis.governance.api;
