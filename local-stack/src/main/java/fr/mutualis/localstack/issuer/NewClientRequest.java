package fr.mutualis.localstack.issuer;

import java.util.List;

/** Body of {@code POST /demo/clients}: {@code name} is optional (defaults to the client id). */
public record NewClientRequest(String clientId, String secret, String name, List<String> tenants, List<String> roles) {
}
