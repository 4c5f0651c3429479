package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.AllocationMethod;
import fr.mutualis.kit.api.ValidSiren;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

public record CreateMutualisationRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull @ValidSiren String epciSiren,
        @NotEmpty @Size(max = 500) List<@NotNull @ValidSiren String> memberSirens,
        @NotNull @Valid AllocationKey allocationKey) {

    /** @param shares percent by SIREN, for FIXED_SHARES only */
    public record AllocationKey(@NotNull AllocationMethod method,
                                Map<@NotNull @ValidSiren String, @NotNull BigDecimal> shares) {
    }
}
