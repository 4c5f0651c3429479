package fr.mutualis.evaluation.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of evaluation's read models, always restricted to the caller's tenant. */
@Component
public class EvaluationQueries {

    private static final RowMapper<IndicatorView> INDICATOR = (rs, row) -> new IndicatorView(
            rs.getObject("indicator_id", UUID.class), rs.getString("owner_id"), rs.getString("scope_kind"),
            rs.getString("scope_id"), rs.getString("name"), rs.getString("unit"),
            plain(rs.getBigDecimal("baseline_value")), rs.getDate("baseline_date").toLocalDate(),
            plain(rs.getBigDecimal("target_value")), rs.getDate("target_date").toLocalDate(),
            rs.getString("direction"), rs.getString("frequency"), rs.getLong("version"));

    private final JdbcClient jdbc;

    public EvaluationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IndicatorView> indicator(UUID id, String tenant) {
        return jdbc.sql("SELECT * FROM indicator_view WHERE indicator_id = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant)
                .query(INDICATOR).optional();
    }

    /** Whether the tenant owns this roadmap or project, as far as evaluation has learnt from the portfolio. */
    public boolean ownsPortfolioItem(String kind, UUID id, String tenant) {
        String table = "ROADMAP".equals(kind) ? "portfolio_roadmap" : "portfolio_project";
        String key = "ROADMAP".equals(kind) ? "roadmap_id" : "project_id";
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + key + " = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant)
                .query(Long.class).single() > 0;
    }

    public Dashboard dashboard(String tenant) {
        Map<String, Long> byStatus = counts("SELECT status AS k, count(*) AS n FROM portfolio_project WHERE owner_id = :tenant GROUP BY status ORDER BY status", tenant);
        Map<String, Long> byAxis = counts("SELECT axis AS k, count(*) AS n FROM portfolio_project WHERE owner_id = :tenant GROUP BY axis ORDER BY axis", tenant);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long roadmaps = jdbc.sql("SELECT count(*) FROM portfolio_roadmap WHERE owner_id = :tenant")
                .param("tenant", tenant).query(Long.class).single();
        long indicators = jdbc.sql("SELECT count(*) FROM indicator_view WHERE owner_id = :tenant")
                .param("tenant", tenant).query(Long.class).single();
        return new Dashboard(tenant, new Dashboard.Projects(total, byStatus, byAxis), roadmaps, indicators);
    }

    /** 80.0000 reads back as 80, 12.5000 as 12.5: the value as it was given. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Map<String, Long> counts(String sql, String tenant) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param("tenant", tenant).query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }
}
