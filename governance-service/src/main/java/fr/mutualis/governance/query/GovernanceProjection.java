package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.AttendanceRecorded;
import fr.mutualis.governance.messages.CollectiviteRegistered;
import fr.mutualis.governance.messages.DecisionPublished;
import fr.mutualis.governance.messages.DecisionRecorded;
import fr.mutualis.governance.messages.ElectedLeadDesignated;
import fr.mutualis.governance.messages.InstanceCreated;
import fr.mutualis.governance.messages.MutualisationCreated;
import fr.mutualis.governance.messages.SessionClosed;
import fr.mutualis.governance.messages.SessionScheduled;
import fr.mutualis.kit.mutualisation.MutualisationDirectory;
import fr.mutualis.kit.projection.ProjectionUpdates;
import fr.mutualis.kit.time.FrenchTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Projects governance events into the tables read by the API. Idempotent (inserts ignore rows already there,
 * updates set absolute values), so replays and redeliveries are safe.
 */
@Component
@ProcessingGroup(GovernanceProjection.GROUP)
public class GovernanceProjection {

    public static final String GROUP = "governance-projection";

    private final ProjectionUpdates jdbc;
    private final JsonMapper json;
    private final MutualisationDirectory directory;

    public GovernanceProjection(ProjectionUpdates jdbc, JsonMapper json, MutualisationDirectory directory) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
    }

    @EventHandler
    void on(CollectiviteRegistered event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO collectivite_view (siren, name, kind, population, epci_siren, siret, version)
                        VALUES (:siren, :name, :kind, :population, :epci, :siret, :version)
                        ON CONFLICT (siren) DO NOTHING""")
                .param("siren", event.siren())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("population", event.population())
                .param("epci", event.epciSiren())
                .param("siret", event.siret())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(ElectedLeadDesignated event, @SequenceNumber long version) {
        jdbc.sql("UPDATE collectivite_view SET elected_lead = :name, version = :version WHERE siren = :siren")
                .param("name", event.name()).param("version", version).param("siren", event.siren())
                .update();
    }

    @EventHandler
    void on(MutualisationCreated event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO mutualisation_view (mutualisation_id, name, epci_siren, member_sirens, allocation_method,
                                                        shares, version)
                        VALUES (:id, :name, :epci, :members, :method, :shares, :version)
                        ON CONFLICT (mutualisation_id) DO NOTHING""")
                .param("id", event.mutualisationId())
                .param("name", event.name())
                .param("epci", event.epciSiren())
                .param("members", json.writeValueAsString(event.memberSirens()))
                .param("method", event.allocationMethod().name())
                .param("shares", json.writeValueAsString(event.shares()))
                .param("version", version)
                .update();
        // Governance answers the same visibility questions as every other service, from the same table.
        directory.record(new fr.mutualis.contracts.governance.MutualisationCreated(event.mutualisationId(), event.name(),
                event.epciSiren(), event.memberSirens(), event.allocationMethod().name(), event.shares()));
    }

    @EventHandler
    void on(InstanceCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO instance_view (instance_id, owner_id, mutualisation_id, administering_siren, name, kind,
                                                   cadence, quorum, members, created_on, version)
                        VALUES (:id, :owner, :mutualisation, :admin, :name, :kind, :cadence, :quorum, :members, :created, :version)
                        ON CONFLICT (instance_id) DO NOTHING""")
                .param("id", event.instanceId())
                .param("owner", event.ownerId().id())
                .param("mutualisation", event.mutualisationId())
                .param("admin", event.administeringSiren())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("cadence", event.cadence().name())
                .param("quorum", event.quorum())
                .param("members", json.writeValueAsString(event.members()))
                .param("created", at.atZone(FrenchTime.ZONE).toLocalDate())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(SessionScheduled event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO session_view (session_id, instance_id, owner_id, scheduled_at, reconvened_from,
                                                  quorum_waived, agenda, present, quorum_reached, status)
                        SELECT :id, :instance, owner_id, :scheduled, :reconvened, :waived, :agenda, '[]', false, 'OPEN'
                        FROM instance_view WHERE instance_id = :instance
                        ON CONFLICT (session_id) DO NOTHING""")
                .param("id", event.sessionId())
                .param("instance", event.instanceId())
                .param("scheduled", java.sql.Timestamp.from(stored(event.scheduledAt())))
                .param("reconvened", event.reconvenedFrom())
                .param("waived", event.quorumWaived())
                .param("agenda", json.writeValueAsString(event.agenda()))
                .update();
        instanceVersion(event.instanceId(), version);
    }

    @EventHandler
    void on(AttendanceRecorded event, @SequenceNumber long version) {
        jdbc.sql("UPDATE session_view SET present = :present, quorum_reached = :reached WHERE session_id = :id")
                .param("present", json.writeValueAsString(event.present()))
                .param("reached", event.quorumReached())
                .param("id", event.sessionId())
                .update();
        instanceVersion(event.instanceId(), version);
    }

    @EventHandler
    void on(DecisionRecorded event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO decision_view (decision_id, session_id, instance_id, owner_id, instance_name, instance_kind,
                                                   agenda_item_id, agenda_item_kind, title, subject_id, amounts, outcome,
                                                   votes_for, votes_against, abstentions, voting_members, voting_present,
                                                   secret_ballot, chair_casting, decided_on, final)
                        SELECT :id, s.session_id, i.instance_id, i.owner_id, i.name, i.kind,
                               :item, item ->> 'kind', item ->> 'title', item ->> 'subjectId',
                               COALESCE(item -> 'amounts', '[]'::jsonb)::text, :outcome,
                               :for, :against, :abstentions, :members, :present, :secret, :casting,
                               (s.scheduled_at AT TIME ZONE 'Europe/Paris')::date, false
                        FROM session_view s
                        JOIN instance_view i ON i.instance_id = s.instance_id
                        CROSS JOIN LATERAL jsonb_array_elements(s.agenda::jsonb) AS item
                        WHERE s.session_id = :session AND item ->> 'agendaItemId' = :itemText
                        ON CONFLICT (decision_id) DO NOTHING""")
                .param("id", event.decisionId())
                .param("item", event.agendaItemId())
                .param("itemText", event.agendaItemId().toString())
                .param("outcome", event.outcome().name())
                .param("for", event.votesFor())
                .param("against", event.votesAgainst())
                .param("abstentions", event.abstentions())
                .param("members", event.votingMembers())
                .param("present", event.votingPresent())
                .param("secret", event.secretBallot())
                .param("casting", event.chairCastingVote())
                .param("session", event.sessionId())
                .update();
        instanceVersion(event.instanceId(), version);
    }

    @EventHandler
    void on(DecisionPublished event) {
        jdbc.sql("UPDATE decision_view SET final = true, decided_on = :decidedOn WHERE decision_id = :id")
                .param("decidedOn", stored(event.decidedOn()))
                .param("id", event.decisionId())
                .update();
    }

    @EventHandler
    void on(SessionClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE session_view SET status = 'CLOSED', held_on = :heldOn, minutes = :minutes,
                                                quorum_reached = :reached, closed_at = :closedAt
                        WHERE session_id = :id""")
                .param("heldOn", stored(event.heldOn()))
                .param("minutes", event.minutes())
                .param("reached", event.quorumReached())
                .param("closedAt", java.sql.Timestamp.from(at))
                .param("id", event.sessionId())
                .update();
        instanceVersion(event.instanceId(), version);
    }

    /** Séances live in the instance's event stream: their version, for ETag and If-Match, is the instance's. */
    private void instanceVersion(java.util.UUID instanceId, long version) {
        jdbc.sql("UPDATE instance_view SET version = GREATEST(version, :version) WHERE instance_id = :id")
                .param("version", version).param("id", instanceId)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE collectivite_view, mutualisation_view, instance_view, session_view, decision_view").update();
        jdbc.sql("DELETE FROM kit_mutualisation_member").update();
        jdbc.sql("DELETE FROM kit_mutualisation").update();
    }
}
