package fr.mutualis.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One owner's figures for one quarter of a fiscal year, as published on {@code mutualis.reporting.territory}.
 * Stock figures (credits, project statuses, indicators, barometer) are those at the end of the quarter
 * ({@code asOf}); flow figures (milestones reached, séances, decisions) those dated within the quarter.
 *
 * @param owner     a collectivité's SIREN or a mutualisation's id
 * @param ownerKind COLLECTIVITE or MUTUALISATION
 * @param members   for a mutualisation, its EPCI and member SIRENs (who may read its report); empty otherwise
 */
public record TerritoryReport(String owner, String ownerKind, String name, List<String> members, int fiscalYear,
                              int quarter, LocalDate from, LocalDate asOf, Budget budget, Portfolio portfolio,
                              Governance governance, Evaluation evaluation) {

    /** Its record key on {@code mutualis.reporting.territory}. */
    public String key() {
        return new Period(fiscalYear, quarter).key(owner);
    }

    /** The fiscal year's lines per section, and per axis of the project a line (or its programme) is attached to. */
    public record Budget(Section investment, Section operating, Map<String, Section> byAxis) {
    }

    /** Euro cents; {@code available} is voted minus engaged. Engaged and mandated add up from the year's start. */
    public record Section(long plannedCents, long votedCents, long engagedCents, long mandatedCents,
                          long availableCents) {
    }

    /**
     * Projects existing at the end of the quarter by status and axis; milestones reached within the quarter, and
     * milestones of the fiscal year late at its end (reached after their planned date, or planned before it and
     * not reached).
     */
    public record Portfolio(long projects, Map<String, Long> byStatus, Map<String, Long> byAxis,
                            long milestonesReached, long milestonesLate) {
    }

    /**
     * Séances held and decisions published within the quarter (decisions by agenda item kind, then outcome); the
     * instances for which a cadence period (month, quarter, half-year or year, aligned on the calendar) ends
     * within the quarter, and those of them that held a séance in each such period.
     */
    public record Governance(long sessionsHeld, Map<String, Map<String, Long>> decisions, long instancesDue,
                             long instancesKeepingCadence) {
    }

    /**
     * Indicators existing at the end of the quarter by status at their latest measurement up to then
     * (ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, as the evaluation service classifies them), and the
     * barometer profile then (with the nearest profile while UNCLASSIFIED); no barometer for a mutualisation.
     */
    public record Evaluation(long indicators, Map<String, Long> byStatus, String barometerProfile,
                             String nearestProfile) {
    }
}
