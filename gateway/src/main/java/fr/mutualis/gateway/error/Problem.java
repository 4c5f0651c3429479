package fr.mutualis.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;

/** RFC 9457 problem body; {@code correlationId} is an extension member so that support can find the logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String correlationId) {

    /** Same base as the services' problems, so clients see one vocabulary of {@code type}s. */
    public static final String TYPE_BASE = "https://mutualis.fr/problems/";
}
