package fr.mutualis.governance.api;

import fr.mutualis.governance.command.AgendaItemKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** @param reconvenedFrom the assembly's earlier séance that lacked quorum, when this one re-convenes it */
public record ScheduleSessionRequest(
        @NotNull OffsetDateTime scheduledAt,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> agenda,
        UUID reconvenedFrom) {

    public record Item(@NotNull AgendaItemKind kind,
                       @NotBlank @Size(max = 500) String title,
                       @Size(max = 100) String subjectId,
                       @Size(max = 500) List<@NotNull @Valid Amount> amounts) {
    }

    /** An arbitrated amount, for a budget line or for a project. */
    public record Amount(UUID budgetLineId, UUID projectId, @NotNull @PositiveOrZero Long amountCents) {

        @AssertTrue(message = "an amount is for exactly one of budgetLineId or projectId")
        public boolean isForOneTarget() {
            return (budgetLineId == null) != (projectId == null);
        }
    }
}
