package fr.mutualis.budget.query;

import fr.mutualis.kit.api.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the budget read models, always restricted to the caller's tenant. */
@Component
public class BudgetQueries {

    private static final RowMapper<BudgetLineView> LINE = (rs, row) -> new BudgetLineView(
            rs.getObject("line_id", UUID.class), rs.getString("owner_id"), rs.getInt("fiscal_year"),
            rs.getString("section"), rs.getString("chapter"), rs.getString("label"),
            rs.getObject("project_id", UUID.class), rs.getLong("planned_cents"), rs.getLong("voted_cents"),
            rs.getLong("engaged_cents"), rs.getLong("mandated_cents"), rs.getLong("version"));

    private final JdbcClient jdbc;

    public BudgetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BudgetLineView> line(UUID id, String tenant) {
        return jdbc.sql("SELECT * FROM budget_line_view WHERE line_id = :id AND owner_id = :tenant")
                .param("id", id).param("tenant", tenant)
                .query(LINE).optional();
    }

    public Page<BudgetLineView> lines(String tenant, Integer fiscalYear, String section, int page, int size) {
        String where = """
                WHERE owner_id = :tenant
                  AND (CAST(:year AS INTEGER) IS NULL OR fiscal_year = CAST(:year AS INTEGER))
                  AND (CAST(:section AS VARCHAR) IS NULL OR section = :section)""";
        long total = jdbc.sql("SELECT count(*) FROM budget_line_view " + where)
                .param("tenant", tenant).param("year", fiscalYear).param("section", section)
                .query(Long.class).single();
        List<BudgetLineView> items = jdbc.sql("SELECT * FROM budget_line_view " + where
                        + " ORDER BY fiscal_year, section, chapter, label, line_id LIMIT :size OFFSET :offset")
                .param("tenant", tenant).param("year", fiscalYear).param("section", section)
                .param("size", size).param("offset", (long) page * size)
                .query(LINE).list();
        return new Page<>(items, page, size, total);
    }
}
