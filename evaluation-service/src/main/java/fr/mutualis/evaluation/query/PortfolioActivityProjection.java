package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluation's copy of the portfolio, fed by integration events. Each row keeps the sequence of the last
 * event applied, so that a late or repeated event never overwrites a newer state.
 */
@Component
public class PortfolioActivityProjection {

    private final JdbcClient jdbc;

    public PortfolioActivityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void roadmapDrafted(RoadmapDrafted event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_roadmap (roadmap_id, owner_id, title, start_year, end_year, axes, status, last_sequence)
                        VALUES (:id, :owner, :title, :start, :end, :axes, 'DRAFT', :sequence)
                        ON CONFLICT (roadmap_id) DO NOTHING""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("start", event.startYear())
                .param("end", event.endYear())
                .param("axes", event.axes().toArray(String[]::new))
                .param("sequence", sequence)
                .update();
    }

    public void projectProposed(ProjectProposed event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_project (project_id, roadmap_id, owner_id, title, axis, status, planned_start,
                            planned_end, last_sequence)
                        VALUES (:id, :roadmap, :owner, :title, :axis, 'PROPOSED', :start, :end, :sequence)
                        ON CONFLICT (project_id) DO NOTHING""")
                .param("id", event.projectId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("axis", event.axis())
                .param("start", event.plannedStart())
                .param("end", event.plannedEnd())
                .param("sequence", sequence)
                .update();
    }
}
