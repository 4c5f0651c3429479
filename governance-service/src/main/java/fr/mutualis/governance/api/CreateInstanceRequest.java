package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.Cadence;
import fr.mutualis.governance.messages.InstanceKind;
import fr.mutualis.kit.api.ValidSiren;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** @param quorum the fraction of voting members that must be exceeded (steering instances; default 0.5) */
public record CreateInstanceRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull InstanceKind kind,
        UUID mutualisationId,
        @NotNull Cadence cadence,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) BigDecimal quorum,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Member> members) {

    public record Member(@NotBlank @Size(max = 100) String personId,
                         @NotBlank @Size(max = 300) String name,
                         @NotBlank @Size(max = 200) String role,
                         @NotNull @ValidSiren String collectiviteSiren,
                         @NotNull Boolean voting,
                         Boolean chair) {
    }
}
