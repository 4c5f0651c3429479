/**
 * Request hygiene before routing: correlation id, size limits, URI normalisation, problem bodies for the HTTP
 * server's own refusals. Answers through {@code error}.
 */
package fr.mutualis.gateway.web;
