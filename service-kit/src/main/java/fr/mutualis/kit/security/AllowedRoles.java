package fr.mutualis.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint: the one place that both documents it (the operation's {@code x-roles} in the
 * OpenAPI and a line of its description) and enforces it (any other caller gets 403 before the handler runs), so the
 * documentation cannot drift from the behaviour. Finer rules (whose data, which mutualisation) stay in the handler.
 * On a controller class it applies to every handler method that does not declare its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    String AGENT = "AGENT";
    String ELU = "ELU";
    String SHARED_SERVICE_ADMIN = "SHARED_SERVICE_ADMIN";
    /** Read-only: exports and streams. */
    String REPORTING = "REPORTING";
    String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    /** Some of {@link #AGENT}, {@link #ELU}, {@link #SHARED_SERVICE_ADMIN}, {@link #REPORTING}, {@link #PLATFORM_ADMIN}. */
    String[] value();
}
