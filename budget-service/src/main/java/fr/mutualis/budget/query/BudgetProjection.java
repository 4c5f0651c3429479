package fr.mutualis.budget.query;

import fr.mutualis.budget.messages.BudgetLineOpened;
import fr.mutualis.budget.messages.CreditsVoted;
import fr.mutualis.budget.messages.EngagementRecorded;
import fr.mutualis.budget.messages.LineCreditsTransferred;
import fr.mutualis.budget.messages.MandateRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Projects budget line events into the tables read by the API. Idempotent, so replays and redeliveries are safe:
 * a line's row records the sequence of the last event applied, and an event at or below it changes nothing.
 */
@Component
@ProcessingGroup(BudgetProjection.GROUP)
public class BudgetProjection {

    public static final String GROUP = "budget-projection";

    private final JdbcClient jdbc;

    public BudgetProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetLineOpened event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO budget_line_view (line_id, owner_id, fiscal_year, section, chapter, label, project_id,
                            planned_cents, programme_id, version)
                        VALUES (:id, :owner, :year, :section, :chapter, :label, :project, :planned, :programme, :version)
                        ON CONFLICT (line_id) DO NOTHING""")
                .param("id", event.lineId())
                .param("owner", event.ownerId().id())
                .param("year", event.fiscalYear())
                .param("section", event.section().name())
                .param("chapter", event.chapter())
                .param("label", event.label())
                .param("project", event.projectId())
                .param("planned", event.plannedCents())
                .param("programme", event.programmeId())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(CreditsVoted event, @SequenceNumber long version, @Timestamp Instant at) {
        if (!advance(event.lineId(), version, "voted_cents = :credits, last_stage = :stage",
                Map.of("credits", event.creditsCents(), "stage", event.stage().name()))) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO budget_line_credit (line_id, sequence, owner_id, vote_id, stage, credits_cents, previous_cents, voted_at)
                        VALUES (:id, :version, :owner, :vote, :stage, :credits, :previous, :at)""")
                .param("id", event.lineId())
                .param("version", version)
                .param("owner", event.ownerId().id())
                .param("vote", event.voteId())
                .param("stage", event.stage().name())
                .param("credits", event.creditsCents())
                .param("previous", event.previousCents())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(LineCreditsTransferred event, @SequenceNumber long version) {
        if (!advance(event.lineId(), version, "voted_cents = :credits", Map.of("credits", event.creditsCents()))) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO budget_line_transfer (line_id, sequence, owner_id, transfer_id, counterpart_line_id,
                            delta_cents, credits_cents, transfer_date)
                        VALUES (:id, :version, :owner, :transfer, :counterpart, :delta, :credits, :date)""")
                .param("id", event.lineId())
                .param("version", version)
                .param("owner", event.ownerId().id())
                .param("transfer", event.transferId())
                .param("counterpart", event.counterpartLineId())
                .param("delta", event.deltaCents())
                .param("credits", event.creditsCents())
                .param("date", stored(event.date()))
                .update();
    }

    @EventHandler
    void on(EngagementRecorded event, @SequenceNumber long version) {
        if (!advance(event.lineId(), version, "engaged_cents = engaged_cents + :amount",
                Map.of("amount", event.amountCents()))) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO engagement_view (engagement_id, line_id, owner_id, programme_id, amount_cents, reference, engagement_date)
                        VALUES (:id, :line, :owner, :programme, :amount, :reference, :date)""")
                .param("id", event.engagementId())
                .param("line", event.lineId())
                .param("owner", event.ownerId().id())
                .param("programme", event.programmeId())
                .param("amount", event.amountCents())
                .param("reference", event.reference())
                .param("date", stored(event.date()))
                .update();
    }

    @EventHandler
    void on(MandateRecorded event, @SequenceNumber long version) {
        if (!advance(event.lineId(), version, "mandated_cents = mandated_cents + :amount",
                Map.of("amount", event.amountCents()))) {
            return;
        }
        jdbc.sql("UPDATE engagement_view SET mandated_cents = mandated_cents + :amount WHERE engagement_id = :id")
                .param("amount", event.amountCents())
                .param("id", event.engagementId())
                .update();
        jdbc.sql("""
                        INSERT INTO mandate_view (mandate_id, engagement_id, line_id, owner_id, amount_cents, reference, mandate_date)
                        VALUES (:id, :engagement, :line, :owner, :amount, :reference, :date)""")
                .param("id", event.mandateId())
                .param("engagement", event.engagementId())
                .param("line", event.lineId())
                .param("owner", event.ownerId().id())
                .param("amount", event.amountCents())
                .param("reference", event.reference())
                .param("date", stored(event.date()))
                .update();
    }

    /**
     * Applies {@code assignments} to the line's row if the event at {@code version} is newer than the row; false for an
     * event already applied (a replay or a redelivery), which then changes nothing else either.
     */
    private boolean advance(UUID lineId, long version, String assignments, Map<String, Object> values) {
        return jdbc.sql("UPDATE budget_line_view SET " + assignments + ", version = :version"
                        + " WHERE line_id = :id AND version < :version")
                .params(values)
                .param("version", version)
                .param("id", lineId)
                .update() > 0;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE budget_line_view, budget_line_credit, budget_line_transfer, engagement_view, mandate_view").update();
    }
}
