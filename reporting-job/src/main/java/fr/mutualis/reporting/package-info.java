/** The reporting job's application: a Kafka Streams topology and the read API over the reports it publishes. */
package fr.mutualis.reporting;
