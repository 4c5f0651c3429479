package fr.mutualis.evaluation.query;

import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.budget.ProgrammeCreated;
import fr.mutualis.contracts.budget.ProgrammeEngaged;
import fr.mutualis.contracts.budget.ProgrammeMandated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Evaluation's copy of the budget, for the planned / voted / engaged / mandated comparison. Engagements and mandates
 * carry their line's owner, year and section, so they count even before the line's opening arrives; a vote or a
 * transfer sets a line's credits to a new total, and only the newest (by time, then by sequence) is kept. Programmes
 * keep the CP schedule of their latest revision, and what was engaged and mandated under them.
 */
@Component
public class BudgetActivityProjection {

    public static final String[] TABLES = {"budget_line", "budget_engagement", "budget_mandate", "budget_programme",
            "budget_programme_cp", "budget_programme_engagement", "budget_programme_mandate"};

    private final JdbcClient jdbc;

    public BudgetActivityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void lineOpened(BudgetLineOpened event) {
        jdbc.sql("""
                        INSERT INTO budget_line (line_id, owner_id, fiscal_year, section, chapter, label, project_id, planned_cents)
                        VALUES (:id, :owner, :year, :section, :chapter, :label, :project, :planned)
                        ON CONFLICT (line_id) DO UPDATE SET chapter = excluded.chapter, label = excluded.label,
                            project_id = excluded.project_id, planned_cents = excluded.planned_cents""")
                .param("id", event.lineId())
                .param("owner", event.ownerId())
                .param("year", event.fiscalYear())
                .param("section", event.section())
                .param("chapter", event.chapter())
                .param("label", event.label())
                .param("project", event.projectId())
                .param("planned", event.plannedCents())
                .update();
    }

    /** A vote or a transfer set a line's credits to a new total; only the newest (by time, then sequence) is kept. */
    public void creditsSet(UUID lineId, String ownerId, int fiscalYear, String section, long creditsCents,
                           Instant occurredAt, long sequence) {
        jdbc.sql("""
                        INSERT INTO budget_line (line_id, owner_id, fiscal_year, section, voted_cents, voted_at, voted_sequence)
                        VALUES (:id, :owner, :year, :section, :credits, :at, :sequence)
                        ON CONFLICT (line_id) DO UPDATE SET voted_cents = excluded.voted_cents, voted_at = excluded.voted_at,
                            voted_sequence = excluded.voted_sequence
                        WHERE budget_line.voted_at IS NULL
                           OR (budget_line.voted_at, budget_line.voted_sequence) < (excluded.voted_at, excluded.voted_sequence)""")
                .param("id", lineId)
                .param("owner", ownerId)
                .param("year", fiscalYear)
                .param("section", section)
                .param("credits", creditsCents)
                .param("at", Timestamp.from(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    public void engagementRecorded(EngagementRecorded event) {
        jdbc.sql("""
                        INSERT INTO budget_engagement (engagement_id, line_id, owner_id, fiscal_year, section, project_id,
                            amount_cents, engaged_on)
                        VALUES (:id, :line, :owner, :year, :section, :project, :amount, :date)
                        ON CONFLICT (engagement_id) DO NOTHING""")
                .param("id", event.engagementId())
                .param("line", event.lineId())
                .param("owner", event.ownerId())
                .param("year", event.fiscalYear())
                .param("section", event.section())
                .param("project", event.projectId())
                .param("amount", event.amountCents())
                .param("date", stored(event.date()))
                .update();
    }

    public void mandateRecorded(MandateRecorded event) {
        jdbc.sql("""
                        INSERT INTO budget_mandate (mandate_id, engagement_id, line_id, owner_id, fiscal_year, section,
                            project_id, amount_cents, mandated_on)
                        VALUES (:id, :engagement, :line, :owner, :year, :section, :project, :amount, :date)
                        ON CONFLICT (mandate_id) DO NOTHING""")
                .param("id", event.mandateId())
                .param("engagement", event.engagementId())
                .param("line", event.lineId())
                .param("owner", event.ownerId())
                .param("year", event.fiscalYear())
                .param("section", event.section())
                .param("project", event.projectId())
                .param("amount", event.amountCents())
                .param("date", stored(event.date()))
                .update();
    }

    /** A programme's CP schedule as set by {@code revision} (0 at its creation); an older revision changes nothing. */
    public void programmeScheduled(UUID programmeId, String ownerId, String label, int revision,
                                   List<ProgrammeCreated.ScheduledCredit> schedule) {
        int changed = jdbc.sql("""
                        INSERT INTO budget_programme (programme_id, owner_id, label, revision) VALUES (:id, :owner, :label, :revision)
                        ON CONFLICT (programme_id) DO UPDATE SET revision = excluded.revision,
                            label = COALESCE(excluded.label, budget_programme.label)
                        WHERE budget_programme.revision < excluded.revision
                           OR (budget_programme.revision = excluded.revision AND budget_programme.label IS NULL)""")
                .param("id", programmeId)
                .param("owner", ownerId)
                .param("label", label)
                .param("revision", revision)
                .update();
        if (changed == 0) {
            return;
        }
        jdbc.sql("DELETE FROM budget_programme_cp WHERE programme_id = :id").param("id", programmeId).update();
        for (ProgrammeCreated.ScheduledCredit credit : schedule == null ? List.<ProgrammeCreated.ScheduledCredit>of() : schedule) {
            jdbc.sql("""
                            INSERT INTO budget_programme_cp (programme_id, owner_id, year, amount_cents)
                            VALUES (:id, :owner, :year, :amount)""")
                    .param("id", programmeId)
                    .param("owner", ownerId)
                    .param("year", credit.year())
                    .param("amount", credit.amountCents())
                    .update();
        }
    }

    public void programmeEngaged(ProgrammeEngaged event) {
        jdbc.sql("""
                        INSERT INTO budget_programme_engagement (engagement_id, programme_id, owner_id, amount_cents)
                        VALUES (:engagement, :programme, :owner, :amount) ON CONFLICT (engagement_id) DO NOTHING""")
                .param("engagement", event.engagementId())
                .param("programme", event.programmeId())
                .param("owner", event.ownerId())
                .param("amount", event.amountCents())
                .update();
    }

    public void programmeMandated(ProgrammeMandated event) {
        jdbc.sql("""
                        INSERT INTO budget_programme_mandate (mandate_id, programme_id, owner_id, year, amount_cents)
                        VALUES (:mandate, :programme, :owner, :year, :amount) ON CONFLICT (mandate_id) DO NOTHING""")
                .param("mandate", event.mandateId())
                .param("programme", event.programmeId())
                .param("owner", event.ownerId())
                .param("year", event.year())
                .param("amount", event.amountCents())
                .update();
    }
}
