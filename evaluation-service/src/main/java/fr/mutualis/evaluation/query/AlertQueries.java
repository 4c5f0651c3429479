package fr.mutualis.evaluation.query;

import fr.mutualis.kit.api.Page;
import fr.mutualis.kit.api.PageRequest;
import fr.mutualis.kit.tenant.Owner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads of alerts, always restricted to the owners (tenant, mutualisations) the caller may see. */
@Component
public class AlertQueries {

    private final JdbcClient jdbc;

    public AlertQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open alerts first, then the most recent; each filter applies when given. */
    public Page<AlertView> alerts(Collection<Owner> owners, String kind, String subjectId, Boolean open, PageRequest page) {
        StringBuilder filter = new StringBuilder("owner_id IN (:owners)");
        if (kind != null) {
            filter.append(" AND kind = :kind");
        }
        if (subjectId != null) {
            filter.append(" AND subject_id = :subjectId");
        }
        if (open != null) {
            filter.append(open ? " AND until IS NULL" : " AND until IS NOT NULL");
        }
        List<String> ids = owners.stream().map(Owner::id).toList();
        var count = jdbc.sql("SELECT count(*) FROM alert_view WHERE " + filter).param("owners", ids);
        var rows = jdbc.sql("SELECT * FROM alert_view WHERE " + filter
                        + " ORDER BY (until IS NULL) DESC, since DESC, alert_id LIMIT :limit OFFSET :offset")
                .param("owners", ids)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size());
        if (kind != null) {
            count = count.param("kind", kind);
            rows = rows.param("kind", kind);
        }
        if (subjectId != null) {
            count = count.param("subjectId", subjectId);
            rows = rows.param("subjectId", subjectId);
        }
        List<AlertView> items = rows.query((rs, row) -> new AlertView(rs.getObject("alert_id", UUID.class),
                rs.getString("kind"), rs.getString("owner_id"), rs.getString("subject_kind"), rs.getString("subject_id"),
                rs.getString("subject_label"), rs.getTimestamp("since").toInstant(),
                rs.getTimestamp("until") == null ? null : rs.getTimestamp("until").toInstant(), rs.getString("detail")))
                .list();
        return new Page<>(items, page.page(), page.size(), count.query(Long.class).single());
    }
}
