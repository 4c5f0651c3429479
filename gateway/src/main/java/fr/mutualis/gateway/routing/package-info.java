/**
 * What the routes need beyond their configuration: the circuit breakers' fallback, the console route and the merged
 * OpenAPI document. Answers through {@code error}.
 */
package fr.mutualis.gateway.routing;
