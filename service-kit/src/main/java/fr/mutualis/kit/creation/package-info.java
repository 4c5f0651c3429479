/**
 * How a service creates what a client asks for, a new resource or a child of one (a decision in a séance, a mandate
 * on an engagement): the {@code Idempotency-Key} request header (a retried or re-imported creation creates nothing
 * twice, and answers as the first time) and the validation-only {@code dryRun} mode (every check of a real creation,
 * nothing written). One mechanism for every creating endpoint, a key table written in the creation's transaction.
 */
package fr.mutualis.kit.creation;
