package fr.mutualis.portfolio.query;

import fr.mutualis.portfolio.messages.AssessmentScores;
import fr.mutualis.portfolio.messages.PriorityWeights;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A roadmap's assessed projects by priority, highest first (ties by title). Projects not assessed yet and cancelled
 * ones are not ranked.
 */
public record RankingView(UUID roadmapId, PriorityWeights weights, List<Entry> items) {

    public record Entry(int rank, UUID projectId, String title, String axis, String status, BigDecimal priority,
                        AssessmentScores scores) {
    }
}
