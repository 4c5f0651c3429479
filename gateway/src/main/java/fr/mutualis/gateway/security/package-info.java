/**
 * Token validation (issuer, audience, {@code tenants} claim), the {@code X-Tenant-Id} check and the 401/403 problems.
 * Answers through {@code error}.
 */
package fr.mutualis.gateway.security;
