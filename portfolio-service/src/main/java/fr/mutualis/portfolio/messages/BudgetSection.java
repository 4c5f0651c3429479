package fr.mutualis.portfolio.messages;

/** The two sections of a budget a project's costs fall in: its investment and its operating costs. */
public enum BudgetSection {
    INVESTMENT,
    OPERATING
}
