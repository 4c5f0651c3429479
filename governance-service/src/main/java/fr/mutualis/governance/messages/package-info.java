/**
 * What governance's packages exchange: commands, domain events, the value types they carry, and the questions the
 * domain asks of the read side ({@code CollectiviteDirectory}, {@code MutualisationScopes}). Public; depends on the
 * kit's tenancy types (Caller, Owner) and Axon's routing annotations only, never on another package of the service or
 * on Spring. Events are stored by Axon under these class names (events stored under {@code command} are renamed on
 * read, see {@code config}).
 */
package fr.mutualis.governance.messages;
