package fr.mutualis.kit.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A creating handler whose 201 has no {@code Location}: what it records has no address of its own (a budget vote is
 * recorded on its lines). The OpenAPI document then promises no {@code Location} for it ({@code x-no-location}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CreatedWithoutAddress {
}
