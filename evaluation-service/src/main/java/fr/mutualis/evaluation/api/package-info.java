/**
 * The HTTP API: controllers and request records. The caller is the kit's Caller (what it sees and manages); commands
 * go out from {@code messages}, reads come from {@code query}; never Kafka nor the aggregates.
 */
package fr.mutualis.evaluation.api;
