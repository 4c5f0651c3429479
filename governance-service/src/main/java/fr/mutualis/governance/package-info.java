/**
 * The governance service: the directory of collectivités, mutualisations (services communs), governance instances
 * and their séances, votes and published decisions. Its packages build on one another without cycles: {@code messages}
 * at the bottom, {@code command} and {@code query} above it, {@code api} and {@code integration} on top.
 */
package fr.mutualis.governance;
