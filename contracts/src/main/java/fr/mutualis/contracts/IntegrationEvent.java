package fr.mutualis.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the payload of a published integration event. {@code type} and {@code version} are
 * what the envelope carries; a published (type, version) never changes shape: add a new version instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IntegrationEvent {

    /** Stable name, {@code <context>.<EventName>}, e.g. {@code portfolio.ProjectProposed}. */
    String type();

    int version() default 1;
}
