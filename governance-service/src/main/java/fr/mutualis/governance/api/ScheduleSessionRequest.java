package fr.mutualis.governance.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.mutualis.governance.messages.AgendaItemKind;
import fr.mutualis.kit.api.Money;
import fr.mutualis.kit.time.YearBetween;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * @param reconvenedFrom the assembly's earlier séance that lacked quorum, when this one re-convenes it
 * @param convenedAt     the day the convocation was sent, on or before the séance's day (default: today in France, or
 *                       the séance's day for one recorded after the fact): the legal notice of an assembly counts from it
 * @param urgent         convened in urgency (default false): the legal notice is then one jour franc
 */
public record ScheduleSessionRequest(
        @NotNull @YearBetween(min = ScheduleSessionRequest.FIRST_YEAR, max = ScheduleSessionRequest.LAST_YEAR)
        OffsetDateTime scheduledAt,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> agenda,
        UUID reconvenedFrom,
        @YearBetween(min = ScheduleSessionRequest.FIRST_YEAR, max = ScheduleSessionRequest.LAST_YEAR) LocalDate convenedAt,
        Boolean urgent) {

    /** The years a séance may be scheduled in: the platform's planning horizon, as for roadmaps and budgets. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public record Item(@NotNull AgendaItemKind kind,
                       @NotBlank @Size(max = 500) String title,
                       @Size(max = 100) String subjectId,
                       @Size(max = 500) List<@NotNull @Valid Amount> amounts) {
    }

    /** An arbitrated amount, for a budget line or for a project. */
    public record Amount(UUID budgetLineId, UUID projectId, @NotNull @PositiveOrZero @Max(Money.MAX_CENTS) Long amountCents) {

        /** A rule, not a field: kept out of the JSON and of the documented schema. */
        @JsonIgnore
        @AssertTrue(message = "{governance.amount-one-subject}")
        public boolean isForOneTarget() {
            return (budgetLineId == null) != (projectId == null);
        }
    }
}
