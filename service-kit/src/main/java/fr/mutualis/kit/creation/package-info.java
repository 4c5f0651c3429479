/**
 * How a service creates a resource from a client's request: the {@code Idempotency-Key} request header (a retried or
 * re-imported creation creates nothing twice) and the validation-only {@code dryRun} mode (every check of a real
 * creation, nothing written). One mechanism for every creating endpoint, built on the event store.
 */
package fr.mutualis.kit.creation;
