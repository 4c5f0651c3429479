package fr.mutualis.governance.query;

import fr.mutualis.kit.api.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads of the governance read models. The directory of collectivités is public: no tenant filter there. */
@Component
public class GovernanceQueries {

    private static final RowMapper<CollectiviteView> COLLECTIVITE = (rs, row) -> new CollectiviteView(
            rs.getString("siren"), rs.getString("name"), rs.getString("kind"), rs.getLong("population"),
            rs.getString("epci_siren"), rs.getLong("version"));

    private final JdbcClient jdbc;

    public GovernanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CollectiviteView> collectivite(String siren) {
        return jdbc.sql("SELECT * FROM collectivite_view WHERE siren = :siren")
                .param("siren", siren)
                .query(COLLECTIVITE).optional();
    }

    public Page<CollectiviteView> collectivites(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM collectivite_view").query(Long.class).single();
        List<CollectiviteView> items = jdbc.sql("SELECT * FROM collectivite_view ORDER BY name, siren LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query(COLLECTIVITE).list();
        return new Page<>(items, page, size, total);
    }
}
