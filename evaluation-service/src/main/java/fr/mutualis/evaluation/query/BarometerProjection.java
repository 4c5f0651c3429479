package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.BarometerProfileChanged;
import fr.mutualis.evaluation.messages.SelfAssessmentDeclared;
import fr.mutualis.kit.projection.ProjectionUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Projects each collectivité's barometer stream: its recorded profile, and its self-declaration; the newest declaration wins, so replays are safe. The declaration
 * lives in the collectivité's barometer stream, so its version (ETag, If-Match) follows every event of that stream.
 */
@Component
@ProcessingGroup(BarometerProjection.GROUP)
public class BarometerProjection {

    public static final String GROUP = "barometer-projection";

    private final ProjectionUpdates jdbc;
    private final BarometerPending pending;

    public BarometerProjection(ProjectionUpdates jdbc, BarometerPending pending) {
        this.jdbc = jdbc;
        this.pending = pending;
    }

    @EventHandler
    void on(SelfAssessmentDeclared event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO self_assessment (siren, roles, communication, version)
                        VALUES (:siren, :roles, :communication, :version)
                        ON CONFLICT (siren) DO UPDATE SET roles = excluded.roles, communication = excluded.communication,
                            version = excluded.version
                        WHERE self_assessment.version < excluded.version""")
                .param("siren", event.siren())
                .param("roles", event.roles().stream().map(Enum::name).toArray(String[]::new))
                .param("communication", event.communication().stream().map(Enum::name).toArray(String[]::new))
                .param("version", version)
                .update();
        pending.mark(event.siren());
    }

    @EventHandler
    void on(BarometerProfileChanged event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO barometer_profile (siren, profile, version) VALUES (:siren, :profile, :version)
                        ON CONFLICT (siren) DO UPDATE SET profile = excluded.profile, version = excluded.version
                        WHERE barometer_profile.version < excluded.version""")
                .param("siren", event.siren())
                .param("profile", event.profile().name())
                .param("version", version)
                .update();
        jdbc.sql("""
                        INSERT INTO self_assessment (siren, roles, communication, version)
                        VALUES (:siren, '{}', '{}', :version)
                        ON CONFLICT (siren) DO UPDATE SET version = GREATEST(self_assessment.version, excluded.version)""")
                .param("siren", event.siren())
                .param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE self_assessment, barometer_profile").update();
    }
}
