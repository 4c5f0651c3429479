package fr.mutualis.governance.query;

import fr.mutualis.governance.command.CollectiviteRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects governance events into the tables read by the API. Idempotent, so replays are safe. */
@Component
@ProcessingGroup(GovernanceProjection.GROUP)
public class GovernanceProjection {

    public static final String GROUP = "governance-projection";

    private final JdbcClient jdbc;

    public GovernanceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CollectiviteRegistered event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO collectivite_view (siren, name, kind, population, epci_siren, version)
                        VALUES (:siren, :name, :kind, :population, :epci, :version)
                        ON CONFLICT (siren) DO NOTHING""")
                .param("siren", event.siren())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("population", event.population())
                .param("epci", event.epciSiren())
                .param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE collectivite_view").update();
    }
}
