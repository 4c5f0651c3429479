package fr.mutualis.budget.query;

import fr.mutualis.budget.messages.CreditTransferMade;
import fr.mutualis.budget.messages.TransferRatesVoted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static fr.mutualis.kit.time.PlausibleDates.stored;

/**
 * Projects the budget of each year (delegated rates, transfers) in the same processing group as the lines, so that one
 * rebuild covers both. Idempotent: a transfer is recorded once, and rates only move forward in their stream.
 */
@Component
@ProcessingGroup(BudgetProjection.GROUP)
public class TransferProjection {

    private final JdbcClient jdbc;

    public TransferProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferRatesVoted event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO transfer_rate_view (owner_id, fiscal_year, investment_basis_points, operating_basis_points,
                            deliberation, rates_vote_id, voted_at, version)
                        VALUES (:owner, :year, :investment, :operating, :deliberation, :vote, :at, :version)
                        ON CONFLICT (owner_id, fiscal_year) DO UPDATE SET
                            investment_basis_points = excluded.investment_basis_points,
                            operating_basis_points = excluded.operating_basis_points,
                            deliberation = excluded.deliberation, rates_vote_id = excluded.rates_vote_id,
                            voted_at = excluded.voted_at, version = excluded.version
                        WHERE transfer_rate_view.version < excluded.version""")
                .param("owner", event.ownerId().id())
                .param("year", event.fiscalYear())
                .param("investment", event.investmentBasisPoints())
                .param("operating", event.operatingBasisPoints())
                .param("deliberation", event.deliberation())
                .param("vote", event.ratesVoteId())
                .param("at", java.sql.Timestamp.from(at))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(CreditTransferMade event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO credit_transfer_view (transfer_id, owner_id, fiscal_year, section, from_line_id,
                            from_chapter, to_line_id, to_chapter, amount_cents, counted_cents, reason, transfer_date,
                            recorded_at, sequence)
                        VALUES (:id, :owner, :year, :section, :from, :fromChapter, :to, :toChapter, :amount, :counted,
                            :reason, :date, :at, :sequence)
                        ON CONFLICT (transfer_id) DO NOTHING""")
                .param("id", event.transferId())
                .param("owner", event.ownerId().id())
                .param("year", event.fiscalYear())
                .param("section", event.section().name())
                .param("from", event.fromLineId())
                .param("fromChapter", event.fromChapter())
                .param("to", event.toLineId())
                .param("toChapter", event.toChapter())
                .param("amount", event.amountCents())
                .param("counted", event.countedCents())
                .param("reason", event.reason())
                .param("date", stored(event.date()))
                .param("at", java.sql.Timestamp.from(at))
                .param("sequence", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE credit_transfer_view, transfer_rate_view").update();
    }
}
