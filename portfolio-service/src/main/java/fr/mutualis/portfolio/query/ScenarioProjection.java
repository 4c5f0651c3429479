package fr.mutualis.portfolio.query;

import fr.mutualis.kit.projection.ProjectionUpdates;
import fr.mutualis.portfolio.messages.ScenarioChosen;
import fr.mutualis.portfolio.messages.ScenarioDefined;
import fr.mutualis.portfolio.messages.ScenarioEnvelope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Projects scenario events into {@code scenario_view} and {@code scenario_envelope}, in the portfolio projection's
 * processing group (one token, one rebuild). Only what the events say is kept: the figures are computed when read.
 */
@Component
@ProcessingGroup(PortfolioProjection.GROUP)
public class ScenarioProjection {

    private final ProjectionUpdates jdbc;

    public ScenarioProjection(ProjectionUpdates jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScenarioDefined event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO scenario_view (scenario_id, roadmap_id, owner_id, name, project_ids, version)
                        VALUES (:id, :roadmap, :owner, :name, :projects, :version)
                        ON CONFLICT (scenario_id) DO NOTHING""")
                .param("id", event.scenarioId())
                .param("roadmap", event.roadmapId())
                .param("owner", event.ownerId().id())
                .param("name", event.name())
                .param("projects", event.projectIds().toArray(UUID[]::new))
                .param("version", version)
                .update();
        for (ScenarioEnvelope envelope : event.envelopes()) {
            jdbc.sql("""
                            INSERT INTO scenario_envelope (scenario_id, year, section, amount_cents)
                            VALUES (:id, :year, :section, :amount)
                            ON CONFLICT (scenario_id, year, section) DO NOTHING""")
                    .param("id", event.scenarioId())
                    .param("year", envelope.year())
                    .param("section", envelope.section().name())
                    .param("amount", envelope.amountCents())
                    .update();
        }
    }

    @EventHandler
    void on(ScenarioChosen event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE scenario_view SET chosen_by_decision_id = :decision, chosen_on = :on, version = :version
                        WHERE scenario_id = :id AND version < :version""")
                .param("decision", event.decisionId()).param("on", stored(event.chosenOn()))
                .param("id", event.scenarioId()).param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE scenario_envelope, scenario_view").update();
    }
}
