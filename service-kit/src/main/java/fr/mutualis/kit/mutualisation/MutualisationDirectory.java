package fr.mutualis.kit.mutualisation;

import fr.mutualis.contracts.governance.MutualisationCreated;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This service's copy of the mutualisations published by governance ({@code governance.MutualisationCreated}),
 * answering the visibility questions: which mutualisations a tenant belongs to, which ones it administers.
 */
public class MutualisationDirectory {

    private final JdbcClient jdbc;

    public MutualisationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Mutualisation> find(UUID id) {
        return jdbc.sql("SELECT mutualisation_id, name, epci_siren, allocation_method FROM kit_mutualisation WHERE mutualisation_id = :id")
                .param("id", id)
                .query((rs, n) -> new Mutualisation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), members(id)))
                .optional();
    }

    /** The mutualisations {@code siren} is a member of or administers: whose shared data it may see. */
    public Set<UUID> visibleTo(String siren) {
        return new LinkedHashSet<>(jdbc.sql("""
                        SELECT mutualisation_id FROM kit_mutualisation_member WHERE siren = :siren
                        UNION
                        SELECT mutualisation_id FROM kit_mutualisation WHERE epci_siren = :siren""")
                .param("siren", siren)
                .query(UUID.class)
                .list());
    }

    /** The mutualisations {@code siren} administers (as their EPCI): whose shared data its administrators manage. */
    public Set<UUID> administeredBy(String siren) {
        return new LinkedHashSet<>(jdbc.sql("SELECT mutualisation_id FROM kit_mutualisation WHERE epci_siren = :siren")
                .param("siren", siren)
                .query(UUID.class)
                .list());
    }

    /** Records a published mutualisation; a redelivery or a newer copy replaces the members. */
    public void record(MutualisationCreated created) {
        jdbc.sql("""
                        INSERT INTO kit_mutualisation (mutualisation_id, name, epci_siren, allocation_method)
                        VALUES (:id, :name, :epci, :method)
                        ON CONFLICT (mutualisation_id) DO UPDATE
                        SET name = excluded.name, epci_siren = excluded.epci_siren, allocation_method = excluded.allocation_method""")
                .param("id", created.mutualisationId())
                .param("name", created.name())
                .param("epci", created.epciSiren())
                .param("method", created.allocationMethod())
                .update();
        jdbc.sql("DELETE FROM kit_mutualisation_member WHERE mutualisation_id = :id")
                .param("id", created.mutualisationId())
                .update();
        for (String member : created.memberSirens()) {
            jdbc.sql("INSERT INTO kit_mutualisation_member (mutualisation_id, siren) VALUES (:id, :siren)")
                    .param("id", created.mutualisationId())
                    .param("siren", member)
                    .update();
        }
    }

    private Set<String> members(UUID id) {
        List<String> sirens = jdbc.sql("SELECT siren FROM kit_mutualisation_member WHERE mutualisation_id = :id ORDER BY siren")
                .param("id", id)
                .query(String.class)
                .list();
        return new LinkedHashSet<>(sirens);
    }
}
