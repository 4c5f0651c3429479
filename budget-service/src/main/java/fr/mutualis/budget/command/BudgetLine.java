package fr.mutualis.budget.command;

import fr.mutualis.kit.error.BusinessRuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A line of a collectivité's budget: one fiscal year, one section, one M57 chapter, and its credits. */
@Aggregate
public class BudgetLine {

    @AggregateIdentifier
    private UUID lineId;
    private String ownerId;
    private Section section;

    protected BudgetLine() {
    }

    @CommandHandler
    public BudgetLine(OpenBudgetLine command) {
        if (!M57Chapters.belongsTo(command.chapter(), command.section())) {
            throw new BusinessRuleViolationException("chapter-section",
                    "Chapter " + command.chapter() + " is not a chapter of the " + command.section()
                            + " section; accepted chapters: " + String.join(", ", M57Chapters.acceptedIn(command.section())),
                    Map.of("chapter", command.chapter(), "section", command.section().name(),
                            "acceptedChapters", M57Chapters.acceptedIn(command.section())));
        }
        apply(new BudgetLineOpened(command.lineId(), command.ownerId(), command.fiscalYear(), command.section(),
                command.chapter(), command.label(), command.projectId(), command.plannedCents()));
    }

    @EventSourcingHandler
    void on(BudgetLineOpened event) {
        lineId = event.lineId();
        ownerId = event.ownerId();
        section = event.section();
    }

    String ownerId() {
        return ownerId;
    }

    Section section() {
        return section;
    }
}
