package fr.mutualis.localstack.issuer;

/** A client with this id is already registered. */
public class ClientAlreadyExistsException extends RuntimeException {

    public ClientAlreadyExistsException(String clientId) {
        super("A client with id '" + clientId + "' already exists");
    }
}
