package fr.mutualis.budget.messages;

/** The CP (crédits de paiement) of one year of a programme's schedule, in cents. */
public record ScheduledCredit(int year, long amountCents) {
}
