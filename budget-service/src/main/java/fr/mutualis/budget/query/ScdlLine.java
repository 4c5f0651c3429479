package fr.mutualis.budget.query;

/**
 * A line as the SCDL export needs it at one stage: credits before the stage ({@code previousCents}, before its first
 * vote at that stage) and after it ({@code creditsCents}, after its last vote at that stage).
 */
public record ScdlLine(String ownerId, int fiscalYear, String section, String chapter, String label, long previousCents,
                       long creditsCents, long engagedCents, long mandatedCents) {
}
