package fr.mutualis.kit.collectivite;

import fr.mutualis.contracts.governance.CollectiviteRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * This service's copy of the collectivités governance registers ({@code governance.CollectiviteRegistered}): names,
 * kinds, populations, EPCIs and SIRETs, which the budget's allocations and SCDL exports and evaluation's dashboards
 * and barometer need. A registration is an upsert keyed by SIREN, so duplicates and re-registrations give one row.
 */
public class CollectiviteDirectory {

    private final JdbcClient jdbc;

    public CollectiviteDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Collectivite> find(String siren) {
        return jdbc.sql("SELECT siren, name, kind, population, epci_siren, siret FROM kit_collectivite WHERE siren = :siren")
                .param("siren", siren)
                .query((rs, n) -> new Collectivite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    public void record(CollectiviteRegistered event) {
        jdbc.sql("""
                        INSERT INTO kit_collectivite (siren, name, kind, population, epci_siren, siret)
                        VALUES (:siren, :name, :kind, :population, :epci, :siret)
                        ON CONFLICT (siren) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                            population = excluded.population, epci_siren = excluded.epci_siren,
                            siret = excluded.siret""")
                .param("siren", event.siren())
                .param("name", event.name())
                .param("kind", event.kind())
                .param("population", event.population())
                .param("epci", event.epciSiren())
                .param("siret", event.siret())
                .update();
    }
}
