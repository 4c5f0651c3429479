package fr.mutualis.portfolio.query;

import fr.mutualis.kit.api.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the portfolio read models, always restricted to what the caller's tenant may see. */
@Component
public class PortfolioQueries {

    private static final RowMapper<RoadmapView> ROADMAP = (rs, row) -> new RoadmapView(
            rs.getObject("roadmap_id", UUID.class), rs.getString("owner_id"), rs.getString("title"),
            rs.getInt("start_year"), rs.getInt("end_year"), strings(rs.getArray("axes")), rs.getString("status"),
            rs.getInt("projects_count"), rs.getLong("version"));

    private static final RowMapper<ProjectView> PROJECT = (rs, row) -> new ProjectView(
            rs.getObject("project_id", UUID.class), rs.getObject("roadmap_id", UUID.class), rs.getString("owner_id"),
            rs.getString("title"), rs.getString("description"), rs.getString("axis"), rs.getString("theme"),
            rs.getString("sponsor"), rs.getString("manager"), rs.getDate("planned_start").toLocalDate(),
            rs.getDate("planned_end").toLocalDate(), rs.getLong("estimated_investment_cents"),
            rs.getLong("estimated_operating_cents"), rs.getString("status"), rs.getLong("version"));

    private final JdbcClient jdbc;

    public PortfolioQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoadmapView> roadmap(UUID id, String tenant) {
        return jdbc.sql("SELECT * FROM roadmap_view WHERE roadmap_id = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant)
                .query(ROADMAP).optional();
    }

    public Optional<ProjectView> project(UUID id, String tenant) {
        return jdbc.sql("SELECT * FROM project_view WHERE project_id = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant)
                .query(PROJECT).optional();
    }

    public Page<ProjectView> projects(String tenant, UUID roadmapId, String status, String axis, int page, int size) {
        String where = """
                WHERE owner_id = :tenant
                  AND (CAST(:roadmap AS UUID) IS NULL OR roadmap_id = CAST(:roadmap AS UUID))
                  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                  AND (CAST(:axis AS VARCHAR) IS NULL OR axis = :axis)""";
        long total = jdbc.sql("SELECT count(*) FROM project_view " + where)
                .param("tenant", tenant).param("roadmap", roadmapId).param("status", status).param("axis", axis)
                .query(Long.class).single();
        List<ProjectView> items = jdbc.sql("SELECT * FROM project_view " + where
                        + " ORDER BY planned_start, title, project_id LIMIT :size OFFSET :offset")
                .param("tenant", tenant).param("roadmap", roadmapId).param("status", status).param("axis", axis)
                .param("size", size).param("offset", (long) page * size)
                .query(PROJECT).list();
        return new Page<>(items, page, size, total);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
