package fr.mutualis.kit.time;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A narrower horizon than the platform's range, refused on the field itself. */
class YearBetweenTest {

    record Seance(@YearBetween(min = 2000, max = 2100) OffsetDateTime scheduledAt,
                  @YearBetween(min = 2000, max = 2100) LocalDate heldOn,
                  @YearBetween(min = 2000, max = 2100) Instant recordedAt) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aYearWithinTheHorizonBoundsIncludedOrNoValueIsValid() {
        assertThat(validator.validate(new Seance(OffsetDateTime.parse("2000-01-01T00:00:00+01:00"), LocalDate.of(2100, 12, 31),
                Instant.parse("2026-03-16T17:00:00Z")))).isEmpty();
        assertThat(validator.validate(new Seance(null, null, null))).isEmpty();
    }

    @Test
    void aYearBeyondTheHorizonIsRefusedNamingTheField() {
        Set<ConstraintViolation<Seance>> violations = validator.validate(new Seance(
                OffsetDateTime.parse("1999-12-31T18:00:00+01:00"), LocalDate.of(2101, 1, 1), Instant.parse("2150-01-01T00:00:00Z")));
        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("scheduledAt", "heldOn", "recordedAt");
        assertThat(violations).extracting(ConstraintViolation::getMessage).containsOnly("must fall between the years 2000 and 2100");
    }
}
