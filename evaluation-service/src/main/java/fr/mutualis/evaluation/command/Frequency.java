package fr.mutualis.evaluation.command;

/** How often the indicator is measured. */
public enum Frequency {
    MONTHLY,
    QUARTERLY,
    SEMIANNUAL,
    ANNUAL
}
