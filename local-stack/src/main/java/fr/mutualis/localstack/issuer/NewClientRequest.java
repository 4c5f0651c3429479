package fr.mutualis.localstack.issuer;

import java.util.List;

/**
 * Body of {@code POST /demo/clients}: {@code name} is optional (defaults to the client id); {@code email}, optional,
 * makes the client's tokens carry that address, as a person's do (a trial of the alert mails).
 */
public record NewClientRequest(String clientId, String secret, String name, List<String> tenants, List<String> roles,
                               String email) {

    public NewClientRequest(String clientId, String secret, String name, List<String> tenants, List<String> roles) {
        this(clientId, secret, name, tenants, roles, null);
    }
}
