/**
 * The per-tenant rate limit: one Bucket4j bucket per active tenant, 429 with {@code Retry-After} beyond it. Runs after
 * {@code security} (the tenant is known and checked); answers through {@code error}.
 */
package fr.mutualis.gateway.ratelimit;
