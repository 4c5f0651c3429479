/**
 * The services as OAuth2 resource servers: the relayed JWT checked (issuer, audience, tenants), roles as authorities,
 * and {@code @AllowedRoles}, which both documents and enforces who may call an endpoint. Depends on the kit's tenancy
 * and web problems.
 */
package fr.mutualis.kit.security;
