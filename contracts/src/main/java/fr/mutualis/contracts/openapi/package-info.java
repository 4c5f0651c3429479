/**
 * The platform's OpenAPI documents as one: the four services' and the reporting job's documents merged into the
 * aggregated document that the gateway serves and that the Java client is generated from. The documents themselves are committed beside it, in
 * {@code src/main/resources/openapi/}.
 */
package fr.mutualis.contracts.openapi;
