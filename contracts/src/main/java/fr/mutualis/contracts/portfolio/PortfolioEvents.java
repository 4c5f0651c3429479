package fr.mutualis.contracts.portfolio;

import fr.mutualis.contracts.Topics;

import java.util.List;

/**
 * Catalogue of the integration events the portfolio service publishes on {@link Topics#PORTFOLIO}; it must match
 * {@code asyncapi/portfolio.yaml} exactly (checked by a test).
 */
public final class PortfolioEvents {

    public static final String TOPIC = Topics.PORTFOLIO;

    public static final List<Class<? extends Record>> ALL = List.of(
            RoadmapDrafted.class,
            ProjectProposed.class,
            RoadmapAdopted.class,
            RoadmapClosed.class,
            ProjectStatusChanged.class,
            MilestonePlanned.class,
            MilestoneReached.class,
            ProjectAssessed.class,
            ScenarioDefined.class,
            ScenarioChosen.class,
            DecisionNotApplied.class);

    private PortfolioEvents() {
    }
}
