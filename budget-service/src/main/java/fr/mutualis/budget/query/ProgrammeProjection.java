package fr.mutualis.budget.query;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.budget.messages.LineAttachedToProgramme;
import fr.mutualis.budget.messages.ProgrammeCreated;
import fr.mutualis.budget.messages.ProgrammeEngaged;
import fr.mutualis.budget.messages.ProgrammeMandated;
import fr.mutualis.budget.messages.ProgrammeRevised;
import fr.mutualis.budget.messages.ScheduledCredit;
import fr.mutualis.kit.axon.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Projects programmes (AP/CP): the current amount and schedule with what was mandated per year, and every revision. */
@Component
@ProcessingGroup(BudgetProjection.GROUP)
public class ProgrammeProjection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProgrammeProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ProgrammeCreated event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.USER_NAME) String user) {
        int inserted = jdbc.sql("""
                        INSERT INTO programme_view (programme_id, owner_id, label, chapter, section, project_id, amount_cents, version)
                        VALUES (:id, :owner, :label, :chapter, :section, :project, :amount, :version)
                        ON CONFLICT (programme_id) DO NOTHING""")
                .param("id", event.programmeId())
                .param("owner", event.ownerId().id())
                .param("label", event.label())
                .param("chapter", event.chapter())
                .param("section", event.section().name())
                .param("project", event.projectId())
                .param("amount", event.amountCents())
                .param("version", version)
                .update();
        if (inserted == 0) {
            return;
        }
        replaceSchedule(event.programmeId(), event.ownerId(), event.schedule());
        revision(event.programmeId(), event.ownerId(), 0, event.amountCents(), event.schedule(), null, null, at, user);
    }

    @EventHandler
    void on(ProgrammeRevised event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.USER_NAME) String user) {
        int applied = jdbc.sql("""
                        UPDATE programme_view SET amount_cents = :amount, revision = :revision, version = :version
                        WHERE programme_id = :id AND version < :version""")
                .param("amount", event.amountCents())
                .param("revision", event.revision())
                .param("version", version)
                .param("id", event.programmeId())
                .update();
        if (applied == 0) {
            return;
        }
        replaceSchedule(event.programmeId(), event.ownerId(), event.schedule());
        revision(event.programmeId(), event.ownerId(), event.revision(), event.amountCents(), event.schedule(), event.reason(),
                event.decisionId(), at, user);
    }

    @EventHandler
    void on(LineAttachedToProgramme event, @SequenceNumber long version) {
        advance(event.programmeId(), version);
    }

    @EventHandler
    void on(ProgrammeEngaged event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE programme_view SET engaged_cents = engaged_cents + :amount, version = :version
                        WHERE programme_id = :id AND version < :version""")
                .param("amount", event.amountCents())
                .param("version", version)
                .param("id", event.programmeId())
                .update();
    }

    @EventHandler
    void on(ProgrammeMandated event, @SequenceNumber long version) {
        if (advance(event.programmeId(), version) == 0) {
            return;
        }
        jdbc.sql("UPDATE programme_schedule SET mandated_cents = mandated_cents + :amount WHERE programme_id = :id AND year = :year")
                .param("amount", event.amountCents())
                .param("id", event.programmeId())
                .param("year", event.year())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE programme_view, programme_schedule, programme_revision").update();
    }

    private int advance(UUID programmeId, long version) {
        return jdbc.sql("UPDATE programme_view SET version = :version WHERE programme_id = :id AND version < :version")
                .param("version", version)
                .param("id", programmeId)
                .update();
    }

    /** A revision keeps each year's mandated amount; a year it drops had none (the aggregate refuses otherwise). */
    private void replaceSchedule(UUID programmeId, Owner ownerId, List<ScheduledCredit> schedule) {
        jdbc.sql("DELETE FROM programme_schedule WHERE programme_id = :id AND NOT (year = ANY (:years))")
                .param("id", programmeId)
                .param("years", schedule.stream().map(ScheduledCredit::year).toArray(Integer[]::new))
                .update();
        for (ScheduledCredit credit : schedule) {
            jdbc.sql("""
                            INSERT INTO programme_schedule (programme_id, owner_id, year, cp_cents) VALUES (:id, :owner, :year, :cp)
                            ON CONFLICT (programme_id, year) DO UPDATE SET cp_cents = excluded.cp_cents""")
                    .param("id", programmeId)
                    .param("owner", ownerId.id())
                    .param("year", credit.year())
                    .param("cp", credit.amountCents())
                    .update();
        }
    }

    private void revision(UUID programmeId, Owner ownerId, int revision, long amountCents, List<ScheduledCredit> schedule, String reason,
                          UUID decisionId, Instant at, String user) {
        jdbc.sql("""
                        INSERT INTO programme_revision (programme_id, owner_id, revision, amount_cents, schedule, reason, decision_id,
                            revised_at, revised_by)
                        VALUES (:id, :owner, :revision, :amount, :schedule, :reason, :decision, :at, :user)
                        ON CONFLICT (programme_id, revision) DO NOTHING""")
                .param("id", programmeId)
                .param("owner", ownerId.id())
                .param("revision", revision)
                .param("amount", amountCents)
                .param("schedule", json.writeValueAsString(schedule))
                .param("reason", reason)
                .param("decision", decisionId)
                .param("at", java.sql.Timestamp.from(at))
                .param("user", user)
                .update();
    }
}
