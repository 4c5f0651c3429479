package fr.mutualis.kit.tenant;

import java.util.List;

/**
 * Who is acting, and for which collectivité: derived from the relayed JWT and the {@code X-Tenant-Id}
 * header, never from a request body.
 *
 * @param tenantId the active tenant (SIREN), one of {@code tenants}
 * @param userId   the token subject
 * @param userName readable name of the caller, for audit trails
 * @param tenants  every SIREN the caller may act for
 * @param roles    AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN
 */
public record TenantContext(String tenantId, String userId, String userName, List<String> tenants,
                            List<String> roles) {

    public TenantContext {
        tenants = List.copyOf(tenants);
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
