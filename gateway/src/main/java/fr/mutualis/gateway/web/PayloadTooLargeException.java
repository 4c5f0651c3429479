package fr.mutualis.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body over the configured limit; not a service failure, so circuit breakers ignore it. */
public class PayloadTooLargeException extends ResponseStatusException {

    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the limit of " + maxBytes + " bytes");
    }
}
