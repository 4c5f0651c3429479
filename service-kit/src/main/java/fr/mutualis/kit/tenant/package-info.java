/**
 * Tenancy: who acts ({@link fr.mutualis.kit.tenant.TenantContext}, from the relayed token and {@code X-Tenant-Id}),
 * whose data it is ({@link fr.mutualis.kit.tenant.Owner}), what the caller sees and manages
 * ({@link fr.mutualis.kit.tenant.Caller}, resolved once per request), and the row-level-security scope every
 * connection carries.
 */
package fr.mutualis.kit.tenant;
