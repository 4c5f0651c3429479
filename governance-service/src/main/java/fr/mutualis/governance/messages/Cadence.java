package fr.mutualis.governance.messages;

/** How often an instance is expected to sit: no legal cadence exists, so this is the instance's own commitment. */
public enum Cadence {
    MONTHLY(1),
    QUARTERLY(3),
    SEMIANNUAL(6),
    ANNUAL(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    /** Length of one cadence period, in months; periods are aligned on the calendar year. */
    public int months() {
        return months;
    }
}
