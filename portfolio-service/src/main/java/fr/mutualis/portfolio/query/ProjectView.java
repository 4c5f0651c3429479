package fr.mutualis.portfolio.query;

import fr.mutualis.portfolio.messages.AssessmentScores;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project as read. {@code scores} and {@code priority} (0 to 100, with its roadmap's weights) are null until the
 * project is assessed; {@code slippageDays} is the worst slippage of its milestones, null without milestones.
 */
public record ProjectView(UUID id, UUID roadmapId, String ownerId, String title, String description, String axis,
                          String theme, String sponsor, String manager, LocalDate plannedStart, LocalDate plannedEnd,
                          long estimatedInvestmentCents, long estimatedOperatingCents,
                          List<String> participantSirens, String status,
                          AssessmentScores scores, BigDecimal priority, UUID approvalDecisionId,
                          List<MilestoneView> milestones, Integer slippageDays, long version) {

    ProjectView withMilestones(List<MilestoneView> planned) {
        Integer slippage = planned.stream().map(MilestoneView::slippageDays).max(Integer::compare).orElse(null);
        return new ProjectView(id, roadmapId, ownerId, title, description, axis, theme, sponsor, manager, plannedStart,
                plannedEnd, estimatedInvestmentCents, estimatedOperatingCents, participantSirens, status, scores, priority,
                approvalDecisionId, List.copyOf(planned), slippage, version);
    }
}
