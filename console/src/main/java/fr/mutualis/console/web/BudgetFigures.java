package fr.mutualis.console.web;

import org.springframework.stereotype.Component;

/** Figures the budget pages compute from the API's: what the API does not give as such. */
@Component("budgetFigures")
public class BudgetFigures {

    /** Open credits not yet engaged (crédits disponibles). */
    public long available(Object votedCents, Object engagedCents) {
        return BudgetController.number(votedCents) - BudgetController.number(engagedCents);
    }
}
