package fr.mutualis.portfolio.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The portfolio's copy of what the budget published and the scenarios need: each line's open credits and each
 * programme's current CP schedule. Written by the budget events' consumer, once per event (the kit's inbox); every
 * write is idempotent and keeps only the newest state, so a redelivery or a late event changes nothing.
 */
@Component
public class BudgetCreditsProjection {

    private final JdbcClient jdbc;

    public BudgetCreditsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A vote or a transfer set a line's credits to a new total; only the newest (by time, then sequence) is kept. */
    public void creditsSet(UUID lineId, String ownerId, int fiscalYear, String section, long creditsCents,
                           Instant occurredAt, long sequence) {
        jdbc.sql("""
                        INSERT INTO budget_line_credits (line_id, owner_id, fiscal_year, section, credits_cents, credits_at,
                            credits_sequence)
                        VALUES (:id, :owner, :year, :section, :credits, :at, :sequence)
                        ON CONFLICT (line_id) DO UPDATE SET credits_cents = excluded.credits_cents,
                            credits_at = excluded.credits_at, credits_sequence = excluded.credits_sequence
                        WHERE (budget_line_credits.credits_at, budget_line_credits.credits_sequence)
                            < (excluded.credits_at, excluded.credits_sequence)""")
                .param("id", lineId)
                .param("owner", ownerId)
                .param("year", fiscalYear)
                .param("section", section)
                .param("credits", creditsCents)
                .param("at", Timestamp.from(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    /**
     * A programme's CP schedule at {@code revision} (0 when created); a revision older than the one kept changes
     * nothing. The creation alone says the section and the project.
     */
    public void scheduleSet(UUID programmeId, String ownerId, String section, UUID projectId, int revision,
                            List<Integer> years, List<Long> cents) {
        jdbc.sql("""
                        INSERT INTO budget_programme (programme_id, owner_id, section, project_id, revision, schedule_years,
                            schedule_cents)
                        VALUES (:id, :owner, COALESCE(CAST(:section AS VARCHAR), ''), CAST(:project AS UUID), :revision, :years, :cents)
                        ON CONFLICT (programme_id) DO UPDATE SET
                            section = CASE WHEN excluded.section = '' THEN budget_programme.section ELSE excluded.section END,
                            project_id = COALESCE(excluded.project_id, budget_programme.project_id),
                            revision = GREATEST(excluded.revision, budget_programme.revision),
                            schedule_years = CASE WHEN excluded.revision >= budget_programme.revision
                                THEN excluded.schedule_years ELSE budget_programme.schedule_years END,
                            schedule_cents = CASE WHEN excluded.revision >= budget_programme.revision
                                THEN excluded.schedule_cents ELSE budget_programme.schedule_cents END""")
                .param("id", programmeId)
                .param("owner", ownerId)
                .param("section", section)
                .param("project", projectId)
                .param("revision", revision)
                .param("years", years.toArray(Integer[]::new))
                .param("cents", cents.toArray(Long[]::new))
                .update();
    }
}
