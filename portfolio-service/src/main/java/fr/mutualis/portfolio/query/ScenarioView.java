package fr.mutualis.portfolio.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A what-if scenario as read, its figures computed at read time from the current projects, scores and credits.
 * {@code projectIds}: the projects picked; {@code projects}: those it keeps (the picked ones still PROPOSED or ASSESSED
 * or further, and the roadmap's APPROVED, IN_PROGRESS, ON_HOLD and DELIVERED ones, {@code alwaysIncluded}).
 * {@code comparisons}: per year of the roadmap and section, the kept projects' total, the envelope (entered or the
 * budget's open credits), the gap (envelope − total) and whether the total fits.
 */
public record ScenarioView(UUID id, UUID roadmapId, String ownerId, String name, List<UUID> projectIds,
                           UUID chosenByDecisionId, LocalDate chosenOn, List<Comparison> comparisons,
                           BigDecimal priorityKept, List<String> axesCovered, List<String> axesNotCovered,
                           List<ProjectFigures> projects, long version) {

    public record Comparison(int year, String section, long totalCents, long envelopeCents, boolean envelopeEntered,
                             long gapCents, boolean fits) {
    }

    public record ProjectFigures(UUID projectId, String title, String axis, String status, boolean alwaysIncluded,
                                 BigDecimal priority, ScenarioCalculator.Spread investmentSpread,
                                 List<YearAmounts> years) {
    }

    public record YearAmounts(int year, long investmentCents, long operatingCents) {
    }
}
