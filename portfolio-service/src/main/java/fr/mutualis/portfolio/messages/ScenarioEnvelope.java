package fr.mutualis.portfolio.messages;

/** An envelope entered in a scenario: at most {@code amountCents} for {@code section} in {@code year}. */
public record ScenarioEnvelope(int year, BudgetSection section, long amountCents) {
}
