package fr.mutualis.localstack.issuer;

import java.util.List;

/**
 * Who a client of the embedded issuer is: the claims its access tokens carry besides {@code sub} (the client id).
 *
 * @param clientId the OAuth2 client id, also the token's {@code sub}
 * @param name     a readable label, the token's {@code name}
 * @param tenants  SIRENs the client may act for, the token's {@code tenants}
 * @param roles    the token's {@code roles}
 * @param email    the token's {@code email}, for a trial client standing for a person (alert mails); null for a
 *                 client acting for itself
 */
public record ClientProfile(String clientId, String name, List<String> tenants, List<String> roles, String email) {

    /** A client acting for itself, without an address. */
    public ClientProfile(String clientId, String name, List<String> tenants, List<String> roles) {
        this(clientId, name, tenants, roles, null);
    }

    public ClientProfile {
        tenants = List.copyOf(tenants);
        roles = List.copyOf(roles);
        if (name == null || name.isBlank()) {
            name = clientId;
        }
    }
}
