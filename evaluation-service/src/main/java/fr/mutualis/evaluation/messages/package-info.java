/**
 * What evaluation's packages exchange: commands, domain events and the value types they carry (scope kinds,
 * directions, frequencies, barometer profiles, self-assessment answers). Public; depends on the kit's Owner and Axon's
 * routing annotations only, never on another package of the service or on Spring. Events are stored by Axon under
 * these class names (events stored under {@code command} are renamed on read, see {@code config}).
 */
package fr.mutualis.evaluation.messages;
