package fr.mutualis.contracts.budget;

import fr.mutualis.contracts.Topics;

import java.util.List;

/**
 * Catalogue of the integration events the budget service publishes on {@link Topics#BUDGET}; it must match
 * {@code asyncapi/budget.yaml} exactly (checked by a test).
 */
public final class BudgetEvents {

    public static final String TOPIC = Topics.BUDGET;

    public static final List<Class<? extends Record>> ALL = List.of(
            BudgetLineOpened.class,
            CreditsVoted.class,
            EngagementRecorded.class,
            MandateRecorded.class,
            ProgrammeCreated.class,
            ProgrammeRevised.class,
            CostsAllocated.class,
            LineAttachedToProgramme.class,
            ProgrammeEngaged.class,
            ProgrammeMandated.class,
            TransferRatesVoted.class,
            CreditTransferMade.class,
            LineCreditsTransferred.class,
            DecisionNotApplied.class);

    private BudgetEvents() {
    }
}
