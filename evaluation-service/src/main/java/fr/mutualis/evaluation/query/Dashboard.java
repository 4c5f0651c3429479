package fr.mutualis.evaluation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.mutualis.contracts.evaluation.IndicatorStatus;
import fr.mutualis.evaluation.messages.BarometerProfile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's or a mutualisation's dashboard for a fiscal year, as far as the events received so far allow: the
 * portfolio, the budget per section, schedule slippage, governance cadence, indicators, and the barometer (the
 * tenant's own, or each member's profile for a mutualisation).
 */
public record Dashboard(String ownerId, int fiscalYear, Projects projects, long roadmaps, Budget budget, Schedule schedule,
                        Governance governance, Indicators indicators,
                        @JsonInclude(JsonInclude.Include.NON_NULL) BarometerView barometer,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberProfile> memberBarometers) {

    /** Counts of the owner's projects, in total, by status and by axis. */
    public record Projects(long total, Map<String, Long> byStatus, Map<String, Long> byAxis) {
    }

    public record Budget(Section investment, Section operating) {
    }

    /** Euro cents of one budget section in the fiscal year. */
    public record Section(long plannedCents, long votedCents, long engagedCents, long mandatedCents) {
    }

    /**
     * Milestones planned in the fiscal year; a milestone's slippage is its actual date (or today while it is not
     * reached and overdue) minus its planned date, in days.
     */
    public record Schedule(long milestones, long reached, long late, BigDecimal averageSlippageDays, long maxSlippageDays) {
    }

    public record Governance(List<InstanceCadence> instances, long sessionsHeld, long sessionsExpected,
                             long instancesKeepingCadence) {
    }

    public record InstanceCadence(UUID instanceId, String name, String kind, String cadence, int sessionsHeld,
                                  int sessionsExpected, int periodsKept, boolean kept) {
    }

    public record Indicators(long total, Map<IndicatorStatus, Long> byStatus) {
    }

    public record MemberProfile(String siren, String name, BarometerProfile profile) {
    }
}
