package fr.mutualis.kit.creation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A creating handler that answers through {@link Creations}: its OpenAPI operation documents the
 * {@code Idempotency-Key} header, the {@code dryRun} query parameter and the 200 of a replay or a dry run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IdempotentCreation {
}
