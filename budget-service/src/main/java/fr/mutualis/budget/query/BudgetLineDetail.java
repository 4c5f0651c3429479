package fr.mutualis.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A line with everything about it: planned, voted, engaged and mandated amounts, its credit history by stage, the
 * amounts arbitrated by governance ({@code arbitratedCents}: the latest decision's, null when none) and its
 * engagements.
 */
public record BudgetLineDetail(UUID id, String ownerId, UUID mutualisationId, int fiscalYear, String section, String chapter, String label,
                               UUID projectId, UUID programmeId, long plannedCents, long votedCents, long engagedCents,
                               long mandatedCents, String lastStage, Long arbitratedCents, List<Credit> credits,
                               List<Arbitration> arbitrations, List<EngagementView> engagements, long version) {

    /** One vote on the line: the credits it set at its stage, and those it amended. */
    public record Credit(String stage, long creditsCents, long previousCents, UUID voteId, Instant votedAt) {
    }

    /** An amount arbitrated for the line by an approved BUDGET_ARBITRATION decision. */
    public record Arbitration(UUID decisionId, long amountCents, LocalDate decidedOn, String title) {
    }
}
