package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.contracts.portfolio.RoadmapClosed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Evaluation's copy of the portfolio, fed by integration events. Whichever event of a roadmap or project arrives
 * first creates its row; each event fills the columns it knows. The status is only taken from an event newer (by
 * its sequence in the aggregate's stream) than the last one applied, so a late or repeated event never overwrites
 * a newer state.
 */
@Component
public class PortfolioActivityProjection {

    public static final String[] TABLES = {"portfolio_roadmap", "portfolio_project", "portfolio_milestone",
            "decision_not_applied"};

    private final JdbcClient jdbc;
    private final BarometerPending pending;

    public PortfolioActivityProjection(JdbcClient jdbc, BarometerPending pending) {
        this.jdbc = jdbc;
        this.pending = pending;
    }

    public void roadmapDrafted(RoadmapDrafted event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_roadmap (roadmap_id, owner_id, title, start_year, end_year, axes, status, last_sequence)
                        VALUES (:id, :owner, :title, :start, :end, :axes, 'DRAFT', :sequence)
                        ON CONFLICT (roadmap_id) DO UPDATE SET title = excluded.title, axes = excluded.axes,
                            start_year = COALESCE(portfolio_roadmap.start_year, excluded.start_year),
                            end_year = COALESCE(portfolio_roadmap.end_year, excluded.end_year)""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("start", event.startYear())
                .param("end", event.endYear())
                .param("axes", event.axes().toArray(String[]::new))
                .param("sequence", sequence)
                .update();
    }

    /** The adoption's years are the ones voted: they replace the draft's. */
    public void roadmapAdopted(RoadmapAdopted event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_roadmap (roadmap_id, owner_id, start_year, end_year, status, adopted_on, last_sequence)
                        VALUES (:id, :owner, :start, :end, 'ADOPTED', :adoptedOn, :sequence)
                        ON CONFLICT (roadmap_id) DO UPDATE SET start_year = excluded.start_year, end_year = excluded.end_year,
                            adopted_on = excluded.adopted_on,
                            status = CASE WHEN excluded.last_sequence > portfolio_roadmap.last_sequence
                                THEN excluded.status ELSE portfolio_roadmap.status END,
                            last_sequence = GREATEST(portfolio_roadmap.last_sequence, excluded.last_sequence)""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId())
                .param("start", event.startYear())
                .param("end", event.endYear())
                .param("adoptedOn", stored(event.adoptedOn()))
                .param("sequence", sequence)
                .update();
        pending.mark(event.ownerId());
    }

    public void roadmapClosed(RoadmapClosed event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_roadmap (roadmap_id, owner_id, status, last_sequence)
                        VALUES (:id, :owner, 'CLOSED', :sequence)
                        ON CONFLICT (roadmap_id) DO UPDATE SET
                            status = CASE WHEN excluded.last_sequence > portfolio_roadmap.last_sequence
                                THEN excluded.status ELSE portfolio_roadmap.status END,
                            last_sequence = GREATEST(portfolio_roadmap.last_sequence, excluded.last_sequence)""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId())
                .param("sequence", sequence)
                .update();
        pending.mark(event.ownerId());
    }

    public void projectProposed(ProjectProposed event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_project (project_id, roadmap_id, owner_id, title, axis, status, planned_start,
                            planned_end, last_sequence)
                        VALUES (:id, :roadmap, :owner, :title, :axis, 'PROPOSED', :start, :end, :sequence)
                        ON CONFLICT (project_id) DO UPDATE SET title = excluded.title, planned_start = excluded.planned_start,
                            planned_end = excluded.planned_end""")
                .param("id", event.projectId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("axis", event.axis())
                .param("start", stored(event.plannedStart()))
                .param("end", stored(event.plannedEnd()))
                .param("sequence", sequence)
                .update();
    }

    /** Kept even when the proposal has not arrived yet: the event carries what the barometer and dashboards need. */
    public void projectStatusChanged(ProjectStatusChanged event, long sequence) {
        jdbc.sql("""
                        INSERT INTO portfolio_project (project_id, roadmap_id, owner_id, axis, status, last_sequence)
                        VALUES (:id, :roadmap, :owner, :axis, :status, :sequence)
                        ON CONFLICT (project_id) DO UPDATE SET
                            status = CASE WHEN excluded.last_sequence > portfolio_project.last_sequence
                                THEN excluded.status ELSE portfolio_project.status END,
                            last_sequence = GREATEST(portfolio_project.last_sequence, excluded.last_sequence)""")
                .param("id", event.projectId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId())
                .param("axis", event.axis())
                .param("status", event.status())
                .param("sequence", sequence)
                .update();
        pending.mark(event.ownerId());
    }

    /**
     * An approved decision portfolio or budget could not apply (both publish DecisionNotApplied, budget once per line),
     * noted once per decision and subject.
     */
    public void decisionNotApplied(UUID decisionId, String ownerId, String agendaItemKind, String subjectId, String reason,
                                   Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO decision_not_applied (decision_id, owner_id, agenda_item_kind, subject_id, reason, noted_at)
                        VALUES (:id, :owner, :kind, :subject, :reason, :notedAt)
                        ON CONFLICT (decision_id, subject_id) DO NOTHING""")
                .param("id", decisionId)
                .param("owner", ownerId)
                .param("kind", agendaItemKind)
                .param("subject", subjectId == null ? "" : subjectId)
                .param("reason", reason)
                .param("notedAt", java.sql.Timestamp.from(occurredAt == null ? Instant.now() : occurredAt))
                .update();
    }

    public void milestonePlanned(MilestonePlanned event) {
        jdbc.sql("""
                        INSERT INTO portfolio_milestone (milestone_id, project_id, owner_id, title, planned_date)
                        VALUES (:id, :project, :owner, :title, :planned)
                        ON CONFLICT (milestone_id) DO UPDATE SET title = excluded.title""")
                .param("id", event.milestoneId())
                .param("project", event.projectId())
                .param("owner", event.ownerId())
                .param("title", event.title())
                .param("planned", stored(event.plannedDate()))
                .update();
    }

    /** Carries the planned date too, so a milestone reached before its planning arrives is complete already. */
    public void milestoneReached(MilestoneReached event) {
        jdbc.sql("""
                        INSERT INTO portfolio_milestone (milestone_id, project_id, owner_id, planned_date, actual_date)
                        VALUES (:id, :project, :owner, :planned, :actual)
                        ON CONFLICT (milestone_id) DO UPDATE SET planned_date = excluded.planned_date,
                            actual_date = excluded.actual_date""")
                .param("id", event.milestoneId())
                .param("project", event.projectId())
                .param("owner", event.ownerId())
                .param("planned", stored(event.plannedDate()))
                .param("actual", stored(event.actualDate()))
                .update();
    }
}
