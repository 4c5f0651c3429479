package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.CollectiviteDirectory;
import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.governance.messages.MutualisationScopes;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The directory questions the aggregates ask, answered from the read models. */
@Component
public class DirectoryLookups implements CollectiviteDirectory, MutualisationScopes {

    private final JdbcClient jdbc;
    private final MutualisationDirectory mutualisations;

    public DirectoryLookups(JdbcClient jdbc, MutualisationDirectory mutualisations) {
        this.jdbc = jdbc;
        this.mutualisations = mutualisations;
    }

    @Override
    public Optional<CollectiviteDirectory.Entry> find(String siren) {
        return jdbc.sql("SELECT siren, kind, epci_siren FROM collectivite_view WHERE siren = :siren")
                .param("siren", siren)
                .query((rs, n) -> new CollectiviteDirectory.Entry(rs.getString(1), CollectiviteKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    @Override
    public Optional<Scope> find(UUID mutualisationId) {
        return mutualisations.find(mutualisationId)
                .map(found -> new Scope(found.id(), found.epciSiren().strip(), found.memberSirens()));
    }
}
