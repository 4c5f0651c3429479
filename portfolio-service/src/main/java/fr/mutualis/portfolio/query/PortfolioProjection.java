package fr.mutualis.portfolio.query;

import fr.mutualis.portfolio.command.Axis;
import fr.mutualis.portfolio.command.ProjectProposed;
import fr.mutualis.portfolio.command.ProjectStatus;
import fr.mutualis.portfolio.command.RoadmapDrafted;
import fr.mutualis.portfolio.command.RoadmapStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects roadmap and project events into the tables read by the API. Idempotent, so replays are safe. */
@Component
@ProcessingGroup(PortfolioProjection.GROUP)
public class PortfolioProjection {

    public static final String GROUP = "portfolio-projection";

    private final JdbcClient jdbc;

    public PortfolioProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoadmapDrafted event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO roadmap_view (roadmap_id, owner_id, title, start_year, end_year, axes, status, version)
                        VALUES (:id, :owner, :title, :start, :end, :axes, :status, :version)
                        ON CONFLICT (roadmap_id) DO NOTHING""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("start", event.startYear())
                .param("end", event.endYear())
                .param("axes", event.axes().stream().map(Axis::name).sorted().toArray(String[]::new))
                .param("status", RoadmapStatus.DRAFT.name())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(ProjectProposed event, @SequenceNumber long version) {
        int inserted = jdbc.sql("""
                        INSERT INTO project_view (project_id, roadmap_id, owner_id, title, description, axis, theme, sponsor,
                            manager, planned_start, planned_end, estimated_investment_cents, estimated_operating_cents,
                            status, version)
                        VALUES (:id, :roadmap, :owner, :title, :description, :axis, :theme, :sponsor, :manager, :start,
                            :end, :investment, :operating, :status, :version)
                        ON CONFLICT (project_id) DO NOTHING""")
                .param("id", event.projectId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("description", event.description())
                .param("axis", event.axis().name())
                .param("theme", event.theme().name())
                .param("sponsor", event.sponsor())
                .param("manager", event.manager())
                .param("start", event.plannedStart())
                .param("end", event.plannedEnd())
                .param("investment", event.estimatedInvestmentCents())
                .param("operating", event.estimatedOperatingCents())
                .param("status", ProjectStatus.PROPOSED.name())
                .param("version", version)
                .update();
        if (inserted == 1) {
            jdbc.sql("UPDATE roadmap_view SET projects_count = projects_count + 1 WHERE roadmap_id = :id")
                    .param("id", event.roadmapId())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE project_view, roadmap_view").update();
    }
}
