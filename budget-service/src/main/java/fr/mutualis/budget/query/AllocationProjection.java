package fr.mutualis.budget.query;

import fr.mutualis.budget.messages.CostsAllocated;
import fr.mutualis.budget.messages.MemberAllocation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects the current split of each mutualisation's yearly cost; a newer allocation of the year replaces it. */
@Component
@ProcessingGroup(BudgetProjection.GROUP)
public class AllocationProjection {

    private final JdbcClient jdbc;

    public AllocationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CostsAllocated event, @SequenceNumber long sequence) {
        boolean newerApplied = jdbc.sql("SELECT count(*) FROM cost_allocation_view"
                        + " WHERE mutualisation_id = :id AND fiscal_year = :year AND sequence >= :sequence")
                .param("id", event.mutualisationId())
                .param("year", event.fiscalYear())
                .param("sequence", sequence)
                .query(Long.class).single() > 0;
        if (newerApplied) {
            return;
        }
        jdbc.sql("DELETE FROM cost_allocation_view WHERE mutualisation_id = :id AND fiscal_year = :year AND sequence < :sequence")
                .param("id", event.mutualisationId())
                .param("year", event.fiscalYear())
                .param("sequence", sequence)
                .update();
        for (MemberAllocation allocation : event.allocations()) {
            jdbc.sql("""
                            INSERT INTO cost_allocation_view (mutualisation_id, fiscal_year, siren, epci_siren, cost_cents, method,
                                weight, amount_cents, sequence)
                            VALUES (:id, :year, :siren, :epci, :cost, :method, :weight, :amount, :sequence)
                            ON CONFLICT (mutualisation_id, fiscal_year, siren) DO NOTHING""")
                    .param("id", event.mutualisationId())
                    .param("year", event.fiscalYear())
                    .param("siren", allocation.siren())
                    .param("epci", event.epciSiren())
                    .param("cost", event.costCents())
                    .param("method", event.method().name())
                    .param("weight", allocation.weight())
                    .param("amount", allocation.amountCents())
                    .param("sequence", sequence)
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE cost_allocation_view").update();
    }
}
