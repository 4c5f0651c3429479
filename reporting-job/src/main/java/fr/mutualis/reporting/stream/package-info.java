/**
 * The Kafka Streams topology: reading the four event topics (and dead-lettering what cannot be read), the facts
 * per owner, the reports published on {@code mutualis.reporting.territory} and the global table answering the API.
 */
package fr.mutualis.reporting.stream;
