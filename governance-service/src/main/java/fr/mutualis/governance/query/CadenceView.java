package fr.mutualis.governance.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Séances held against the cadence over a period. Cadence periods are calendar months, quarters, half-years or
 * years; every period overlapping {@code from}–{@code to} is expected to hold at least one closed séance.
 */
public record CadenceView(UUID instanceId, String instanceName, String ownerId, String cadence, LocalDate from,
                          LocalDate to, int expectedSessions, int heldSessions, int periodsWithSession,
                          boolean compliant, List<Period> periods) {

    public record Period(LocalDate start, LocalDate end, int held) {
    }
}
