/**
 * The problem+json answers the gateway itself decides (401, 403, 413, 429, 503, unknown paths), as Spring's
 * {@code ProblemDetail} with the correlation and trace ids. Depends on nothing else of the
 * gateway: the filters that know the request's ids put them in the exchange attributes it names.
 */
package fr.mutualis.gateway.error;
