package fr.mutualis.portfolio.query;

import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.messages.AssessmentScores;
import fr.mutualis.portfolio.messages.PriorityWeights;
import fr.mutualis.kit.time.FrenchTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads of the portfolio read models, always restricted to the owners the caller may see: its own tenant and the
 * mutualisations it belongs to.
 */
@Component
public class PortfolioQueries {

    private static final RowMapper<RoadmapView> ROADMAP = (rs, row) -> new RoadmapView(
            rs.getObject("roadmap_id", UUID.class), rs.getString("owner_id"), rs.getString("title"),
            rs.getInt("start_year"), rs.getInt("end_year"), strings(rs.getArray("axes")), rs.getString("status"),
            rs.getInt("projects_count"), weights(rs), localDate(rs, "adopted_on"),
            rs.getObject("adoption_decision_id", UUID.class), rs.getString("final_assessment"), rs.getLong("version"));

    private static final RowMapper<ProjectView> PROJECT = (rs, row) -> new ProjectView(
            rs.getObject("project_id", UUID.class), rs.getObject("roadmap_id", UUID.class), rs.getString("owner_id"),
            rs.getString("title"), rs.getString("description"), rs.getString("axis"), rs.getString("theme"),
            rs.getString("sponsor"), rs.getString("manager"), rs.getDate("planned_start").toLocalDate(),
            rs.getDate("planned_end").toLocalDate(), rs.getLong("estimated_investment_cents"),
            rs.getLong("estimated_operating_cents"), strings(rs.getArray("participant_sirens")), rs.getString("status"),
            scores(rs), rs.getBigDecimal("priority"),
            rs.getObject("approval_decision_id", UUID.class), List.of(), null, rs.getLong("version"));

    private static final String ROADMAPS = """
            SELECT r.*, (SELECT count(*) FROM project_view p WHERE p.roadmap_id = r.roadmap_id) AS projects_count
            FROM roadmap_view r""";

    private final JdbcClient jdbc;

    public PortfolioQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoadmapView> roadmap(UUID id, Collection<Owner> owners) {
        return jdbc.sql(ROADMAPS + " WHERE r.roadmap_id = :id AND r.owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(ROADMAP).optional();
    }

    public Page<RoadmapView> roadmaps(Collection<Owner> owners, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM roadmap_view WHERE owner_id IN (:owners)")
                .param("owners", ids(owners)).query(Long.class).single();
        List<RoadmapView> items = jdbc.sql(ROADMAPS + " WHERE r.owner_id IN (:owners)"
                        + " ORDER BY r.start_year DESC, r.title, r.roadmap_id LIMIT :size OFFSET :offset")
                .param("owners", ids(owners)).param("size", size).param("offset", (long) page * size)
                .query(ROADMAP).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<ProjectView> project(UUID id, Collection<Owner> owners) {
        return jdbc.sql("SELECT * FROM project_priority WHERE project_id = :id AND owner_id IN (:owners)")
                .param("id", id).param("owners", ids(owners))
                .query(PROJECT).optional()
                .map(project -> withMilestones(List.of(project)).getFirst());
    }

    public Page<ProjectView> projects(Collection<Owner> owners, UUID roadmapId, String status, String axis, int page,
                                      int size) {
        String where = """
                WHERE owner_id IN (:owners)
                  AND (CAST(:roadmap AS UUID) IS NULL OR roadmap_id = CAST(:roadmap AS UUID))
                  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                  AND (CAST(:axis AS VARCHAR) IS NULL OR axis = :axis)""";
        long total = jdbc.sql("SELECT count(*) FROM project_view " + where)
                .param("owners", ids(owners)).param("roadmap", roadmapId).param("status", status).param("axis", axis)
                .query(Long.class).single();
        List<ProjectView> items = jdbc.sql("SELECT * FROM project_priority " + where
                        + " ORDER BY planned_start, title, project_id LIMIT :size OFFSET :offset")
                .param("owners", ids(owners)).param("roadmap", roadmapId).param("status", status).param("axis", axis)
                .param("size", size).param("offset", (long) page * size)
                .query(PROJECT).list();
        return new Page<>(withMilestones(items), page, size, total);
    }

    /**
     * Every project of a roadmap (without its milestones), highest priority first, for a caller that already saw the
     * roadmap: the projects of a roadmap have its owner.
     */
    public List<ProjectView> projectsOfRoadmap(UUID roadmapId) {
        return jdbc.sql("""
                        SELECT * FROM project_priority WHERE roadmap_id = :id
                        ORDER BY priority DESC NULLS LAST, title, project_id""")
                .param("id", roadmapId)
                .query(PROJECT).list();
    }

    public Optional<RankingView> ranking(UUID roadmapId, Collection<Owner> owners) {
        return roadmap(roadmapId, owners).map(roadmap -> {
            List<ProjectView> ranked = jdbc.sql("""
                            SELECT * FROM project_priority
                            WHERE roadmap_id = :id AND priority IS NOT NULL AND status <> 'CANCELLED'
                            ORDER BY priority DESC, title, project_id""")
                    .param("id", roadmapId)
                    .query(PROJECT).list();
            List<RankingView.Entry> entries = new ArrayList<>();
            for (ProjectView project : ranked) {
                entries.add(new RankingView.Entry(entries.size() + 1, project.id(), project.title(), project.axis(),
                        project.status(), project.priority(), project.scores()));
            }
            return new RankingView(roadmapId, roadmap.weights(), entries);
        });
    }

    private List<ProjectView> withMilestones(List<ProjectView> projects) {
        if (projects.isEmpty()) {
            return projects;
        }
        Map<UUID, List<MilestoneView>> byProject = jdbc.sql("""
                        SELECT project_id, milestone_id, title, planned_date, actual_date,
                               CASE WHEN actual_date IS NOT NULL THEN actual_date - planned_date
                                    ELSE GREATEST(0, CAST(:today AS DATE) - planned_date) END AS slippage
                        FROM milestone_view WHERE project_id IN (:ids)
                        ORDER BY planned_date, title, milestone_id""")
                .param("today", LocalDate.now(FrenchTime.ZONE))
                .param("ids", projects.stream().map(ProjectView::id).toList())
                .query((rs, row) -> Map.entry(rs.getObject("project_id", UUID.class), new MilestoneView(
                        rs.getObject("milestone_id", UUID.class), rs.getString("title"),
                        rs.getDate("planned_date").toLocalDate(), localDate(rs, "actual_date"), rs.getInt("slippage"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return projects.stream()
                .map(project -> project.withMilestones(byProject.getOrDefault(project.id(), List.of())))
                .toList();
    }

    /** The owners as stored in the read models' {@code owner_id}. */
    private static List<String> ids(Collection<Owner> owners) {
        return owners.stream().map(Owner::id).toList();
    }

    private static AssessmentScores scores(ResultSet rs) throws SQLException {
        rs.getInt("strategic_alignment");
        if (rs.wasNull()) {
            return null;
        }
        return new AssessmentScores(rs.getInt("strategic_alignment"), rs.getInt("user_value"), rs.getInt("agent_value"),
                rs.getInt("legal_obligation"), rs.getInt("feasibility"), rs.getInt("risk"));
    }

    private static PriorityWeights weights(ResultSet rs) throws SQLException {
        return new PriorityWeights(rs.getInt("w_strategic_alignment"), rs.getInt("w_user_value"),
                rs.getInt("w_agent_value"), rs.getInt("w_legal_obligation"), rs.getInt("w_feasibility"),
                rs.getInt("w_risk"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
