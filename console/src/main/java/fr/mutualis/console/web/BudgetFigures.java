package fr.mutualis.console.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Raw figures for the charts' data tables ({@code data-value}): euros as plain decimals, read by console.js, while
 * the cell's text shows them in French ({@code @fr.money}).
 */
@Component("budgetFigures")
public class BudgetFigures {

    /** {@code 123456} cents as {@code 1234.56}; empty for no amount. */
    public String euros(Object cents) {
        return cents == null ? "" : new BigDecimal(String.valueOf(cents)).movePointLeft(2).toPlainString();
    }

    /** Open credits not yet engaged (crédits disponibles). */
    public long available(Object votedCents, Object engagedCents) {
        return BudgetController.number(votedCents) - BudgetController.number(engagedCents);
    }
}
