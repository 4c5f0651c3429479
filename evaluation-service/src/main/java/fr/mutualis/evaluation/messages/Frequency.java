package fr.mutualis.evaluation.messages;

/** How often the indicator is measured. */
public enum Frequency {
    MONTHLY,
    QUARTERLY,
    SEMIANNUAL,
    ANNUAL
}
