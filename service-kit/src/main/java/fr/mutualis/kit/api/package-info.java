/**
 * What the services' APIs share: answers to a creation ({@code 201} with a path {@code Location}), pages, money,
 * the {@code If-Match} precondition and the SIREN/SIRET validators of request records. Depends on the kit's errors
 * only.
 */
package fr.mutualis.kit.api;
