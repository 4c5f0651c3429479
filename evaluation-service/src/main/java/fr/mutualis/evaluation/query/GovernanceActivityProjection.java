package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.governance.ElectedLeadDesignated;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.governance.SessionScheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Evaluation's copy of governance: the élus au numérique of the collectivités (barometer), the instances and the
 * sessions they held (cadence compliance); the collectivités themselves are the kit's directory. Sessions are kept by
 * instance even before the instance's creation arrives.
 */
@Component
public class GovernanceActivityProjection {

    public static final String[] TABLES = {"governance_elected_lead", "governance_instance", "governance_session",
            "governance_session_scheduled"};

    private final JdbcClient jdbc;
    private final BarometerPending pending;

    public GovernanceActivityProjection(JdbcClient jdbc, BarometerPending pending) {
        this.jdbc = jdbc;
        this.pending = pending;
    }

    /** A later designation replaces an earlier one, never the reverse. */
    public void electedLeadDesignated(ElectedLeadDesignated event, long sequence) {
        jdbc.sql("""
                        INSERT INTO governance_elected_lead (siren, name, last_sequence) VALUES (:siren, :name, :sequence)
                        ON CONFLICT (siren) DO UPDATE SET name = excluded.name, last_sequence = excluded.last_sequence
                        WHERE governance_elected_lead.last_sequence < excluded.last_sequence""")
                .param("siren", event.siren())
                .param("name", event.name())
                .param("sequence", sequence)
                .update();
        pending.mark(event.siren());
    }

    public void instanceCreated(InstanceCreated event, LocalDate createdOn) {
        jdbc.sql("""
                        INSERT INTO governance_instance (instance_id, owner_id, name, kind, cadence, created_on)
                        VALUES (:id, :owner, :name, :kind, :cadence, :createdOn)
                        ON CONFLICT (instance_id) DO NOTHING""")
                .param("id", event.instanceId())
                .param("owner", event.ownerId())
                .param("name", event.name())
                .param("kind", event.kind())
                .param("cadence", event.cadence())
                .param("createdOn", createdOn)
                .update();
    }

    /** A séance convened again keeps its first record: a redelivery, never a new convocation (governance has none). */
    public void sessionScheduled(SessionScheduled event) {
        jdbc.sql("""
                        INSERT INTO governance_session_scheduled (session_id, instance_id, owner_id, instance_kind, scheduled_at,
                            convened_at, urgent)
                        VALUES (:id, :instance, :owner, :kind, :scheduledAt, :convenedAt, :urgent)
                        ON CONFLICT (session_id) DO NOTHING""")
                .param("id", event.sessionId())
                .param("instance", event.instanceId())
                .param("owner", event.ownerId())
                .param("kind", event.instanceKind())
                .param("scheduledAt", java.sql.Timestamp.from(stored(event.scheduledAt())))
                .param("convenedAt", stored(event.convenedAt()))
                .param("urgent", event.urgent())
                .update();
    }

    public void sessionClosed(SessionClosed event) {
        jdbc.sql("""
                        INSERT INTO governance_session (session_id, instance_id, owner_id, held_on, decision_count)
                        VALUES (:id, :instance, :owner, :heldOn, :decisions)
                        ON CONFLICT (session_id) DO NOTHING""")
                .param("id", event.sessionId())
                .param("instance", event.instanceId())
                .param("owner", event.ownerId())
                .param("heldOn", stored(event.heldOn()))
                .param("decisions", event.decisionCount())
                .update();
    }
}
