/**
 * The evaluation service: indicators and their measurements, the territorial digital innovation barometer, and the
 * dashboards projected from every context's events. Its packages build on one another without cycles:
 * {@code messages} at the bottom, {@code command} and {@code query} above it, {@code api}, {@code integration} and
 * {@code config} on top.
 */
package fr.mutualis.evaluation;
