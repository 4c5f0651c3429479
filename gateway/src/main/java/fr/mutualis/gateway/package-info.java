/**
 * The gateway application: the single public entry of the platform's HTTP API. Its sub-packages may depend on one
 * another without cycles, on {@code contracts} (HTTP names, OpenAPI merging) and on Spring Cloud Gateway, WebFlux and
 * Security; never on a service or the service kit.
 */
package fr.mutualis.gateway;
