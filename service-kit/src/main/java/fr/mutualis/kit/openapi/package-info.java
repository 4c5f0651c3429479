/**
 * The OpenAPI document every service publishes, made trustworthy by rules applied once for all operations: security
 * schemes, operation ids, summaries and tags, the statuses each operation can answer with the one problem schema,
 * precise media types, 201 with {@code Location} for creations, nullable and required record components, the gateway
 * as server. Endpoints carry no documentation annotations unless a rule cannot derive what they mean.
 */
package fr.mutualis.kit.openapi;
