package fr.mutualis.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A line with everything about it: planned, voted, engaged and mandated amounts ({@code votedCents}: the credits open
 * on the line, i.e. its last vote plus or minus the transfers made since), its credit history by stage, its transfers, the
 * amounts arbitrated by governance ({@code arbitratedCents}: the latest decision's, null when none) and its
 * engagements.
 */
public record BudgetLineDetail(UUID id, String ownerId, UUID mutualisationId, int fiscalYear, String section,
                               String chapter, String label,
                               UUID projectId, UUID programmeId, long plannedCents, long votedCents, long engagedCents,
                               long mandatedCents, String lastStage, Long arbitratedCents, List<Credit> credits,
                               List<Arbitration> arbitrations, List<Transfer> transfers, List<EngagementView> engagements,
                               long version) {

    /** One vote on the line: the credits it set at its stage, and those it amended. */
    public record Credit(String stage, long creditsCents, long previousCents, UUID voteId, Instant votedAt) {
    }

    /** The line's side of a transfer: {@code deltaCents} negative when credits left it; its credits after. */
    public record Transfer(UUID transferId, UUID counterpartLineId, long deltaCents, long creditsCents, LocalDate date) {
    }

    /** An amount arbitrated for the line by an approved BUDGET_ARBITRATION decision. */
    public record Arbitration(UUID decisionId, long amountCents, LocalDate decidedOn, String title) {
    }
}
