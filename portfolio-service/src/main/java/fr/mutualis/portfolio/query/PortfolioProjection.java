package fr.mutualis.portfolio.query;

import fr.mutualis.kit.projection.ProjectionUpdates;
import fr.mutualis.portfolio.messages.AssessmentScores;
import fr.mutualis.portfolio.messages.Axis;
import fr.mutualis.portfolio.messages.MilestonePlanned;
import fr.mutualis.portfolio.messages.MilestoneReached;
import fr.mutualis.portfolio.messages.PriorityWeights;
import fr.mutualis.portfolio.messages.ProjectAssessed;
import fr.mutualis.portfolio.messages.ProjectProposed;
import fr.mutualis.portfolio.messages.ProjectStatus;
import fr.mutualis.portfolio.messages.ProjectStatusChanged;
import fr.mutualis.portfolio.messages.RoadmapAdopted;
import fr.mutualis.portfolio.messages.RoadmapClosed;
import fr.mutualis.portfolio.messages.RoadmapDrafted;
import fr.mutualis.portfolio.messages.RoadmapStatus;
import fr.mutualis.portfolio.messages.RoadmapWeightsSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Projects roadmap and project events into the tables read by the API. Every update is guarded by the aggregate's
 * sequence number, so a redelivered or replayed event changes nothing twice. The statements of a processor batch go
 * to the database together ({@link ProjectionUpdates}).
 */
@Component
@ProcessingGroup(PortfolioProjection.GROUP)
public class PortfolioProjection {

    public static final String GROUP = "portfolio-projection";
    private static final Logger log = LoggerFactory.getLogger(PortfolioProjection.class);

    private final ProjectionUpdates jdbc;

    public PortfolioProjection(ProjectionUpdates jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoadmapDrafted event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO roadmap_view (roadmap_id, owner_id, title, start_year, end_year, axes, status, version)
                        VALUES (:id, :owner, :title, :start, :end, :axes, :status, :version)
                        ON CONFLICT (roadmap_id) DO NOTHING""")
                .param("id", event.roadmapId())
                .param("owner", event.ownerId().id())
                .param("title", event.title())
                .param("start", event.startYear())
                .param("end", event.endYear())
                .param("axes", event.axes().stream().map(Axis::name).sorted().toArray(String[]::new))
                .param("status", RoadmapStatus.DRAFT.name())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(RoadmapWeightsSet event, @SequenceNumber long version) {
        PriorityWeights w = event.weights();
        jdbc.sql("""
                        UPDATE roadmap_view SET w_strategic_alignment = :sa, w_user_value = :uv, w_agent_value = :av,
                            w_legal_obligation = :lo, w_feasibility = :fe, w_risk = :ri, version = :version
                        WHERE roadmap_id = :id AND version < :version""")
                .param("sa", w.strategicAlignment()).param("uv", w.userValue()).param("av", w.agentValue())
                .param("lo", w.legalObligation()).param("fe", w.feasibility()).param("ri", w.risk())
                .param("id", event.roadmapId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(RoadmapAdopted event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE roadmap_view SET status = :status, adopted_on = :on, adoption_decision_id = :decision,
                            version = :version
                        WHERE roadmap_id = :id AND version < :version""")
                .param("status", RoadmapStatus.ADOPTED.name()).param("on", stored(event.adoptedOn()))
                .param("decision", event.decisionId()).param("id", event.roadmapId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(RoadmapClosed event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE roadmap_view SET status = :status, final_assessment = :assessment, version = :version
                        WHERE roadmap_id = :id AND version < :version""")
                .param("status", RoadmapStatus.CLOSED.name()).param("assessment", event.finalAssessment())
                .param("id", event.roadmapId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(ProjectProposed event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO project_view (project_id, roadmap_id, owner_id, title, description, axis, theme, sponsor,
                            manager, planned_start, planned_end, estimated_investment_cents, estimated_operating_cents,
                            participant_sirens, status, version)
                        VALUES (:id, :roadmap, :owner, :title, :description, :axis, :theme, :sponsor, :manager, :start,
                            :end, :investment, :operating, :participants, :status, :version)
                        ON CONFLICT (project_id) DO NOTHING""")
                .param("id", event.projectId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId().id())
                .param("title", event.title())
                .param("description", event.description())
                .param("axis", event.axis().name())
                .param("theme", event.theme().name())
                .param("sponsor", event.sponsor())
                .param("manager", event.manager())
                .param("start", stored(event.plannedStart()))
                .param("end", stored(event.plannedEnd()))
                .param("investment", event.estimatedInvestmentCents())
                .param("operating", event.estimatedOperatingCents())
                .param("participants", event.participantSirens().stream().sorted().toArray(String[]::new))
                .param("status", ProjectStatus.PROPOSED.name())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(ProjectAssessed event, @SequenceNumber long version) {
        AssessmentScores s = event.scores();
        jdbc.sql("""
                        UPDATE project_view SET strategic_alignment = :sa, user_value = :uv, agent_value = :av,
                            legal_obligation = :lo, feasibility = :fe, risk = :ri, version = :version
                        WHERE project_id = :id AND version < :version""")
                .param("sa", s.strategicAlignment()).param("uv", s.userValue()).param("av", s.agentValue())
                .param("lo", s.legalObligation()).param("fe", s.feasibility()).param("ri", s.risk())
                .param("id", event.projectId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(ProjectStatusChanged event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE project_view SET status = :status,
                            approval_decision_id = COALESCE(CAST(:decision AS UUID), approval_decision_id), version = :version
                        WHERE project_id = :id AND version < :version""")
                .param("status", event.status().name()).param("decision", event.decisionId())
                .param("id", event.projectId()).param("version", version)
                .update();
    }

    @EventHandler
    void on(MilestonePlanned event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO milestone_view (milestone_id, project_id, title, planned_date)
                        VALUES (:id, :project, :title, :planned)
                        ON CONFLICT (milestone_id) DO NOTHING""")
                .param("id", event.milestoneId()).param("project", event.projectId())
                .param("title", event.title()).param("planned", stored(event.plannedDate()))
                .update();
        projectVersion(event.projectId(), version);
    }

    @EventHandler
    void on(MilestoneReached event, @SequenceNumber long version) {
        jdbc.sql("UPDATE milestone_view SET actual_date = :actual WHERE milestone_id = :id")
                .param("actual", stored(event.actualDate())).param("id", event.milestoneId())
                .update();
        projectVersion(event.projectId(), version);
    }

    private void projectVersion(UUID projectId, long version) {
        jdbc.sql("UPDATE project_view SET version = :version WHERE project_id = :id AND version < :version")
                .param("id", projectId).param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        log.info("Rebuilding the portfolio read models: emptied, replaying the event store");
        jdbc.sql("TRUNCATE project_view, roadmap_view, milestone_view").update();
    }
}
