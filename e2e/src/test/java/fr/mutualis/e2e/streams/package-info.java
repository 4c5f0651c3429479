/**
 * The event streams as an outside consumer sees them: the consumer's guide's sample job run against the records the
 * platform really publishes, and every record of the run checked against its AsyncAPI message.
 */
package fr.mutualis.e2e.streams;
