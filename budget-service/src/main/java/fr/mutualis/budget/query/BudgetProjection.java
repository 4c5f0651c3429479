package fr.mutualis.budget.query;

import fr.mutualis.budget.command.BudgetLineOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects budget line events into the table read by the API. Idempotent, so replays are safe. */
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
                            planned_cents, version)
                        VALUES (:id, :owner, :year, :section, :chapter, :label, :project, :planned, :version)
                        ON CONFLICT (line_id) DO NOTHING""")
                .param("id", event.lineId())
                .param("owner", event.ownerId())
                .param("year", event.fiscalYear())
                .param("section", event.section().name())
                .param("chapter", event.chapter())
                .param("label", event.label())
                .param("project", event.projectId())
                .param("planned", event.plannedCents())
                .param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE budget_line_view").update();
    }
}
