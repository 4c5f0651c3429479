package fr.mutualis.evaluation.messages;

/**
 * The rules of DOMAIN §9. The first four follow the event streams; the others depend on the date and are evaluated
 * by a periodic sweep as well.
 */
public enum AlertKind {
    CREDITS_NEARLY_CONSUMED(false),
    CP_SHORTFALL(false),
    INDICATOR_OFF_TRACK(false),
    DECISION_NOT_APPLIED(false),
    MILESTONE_LATE(true),
    CADENCE_NOT_KEPT(true),
    SHORT_NOTICE(true),
    MINUTES_LATE(true);

    private final boolean deadline;

    AlertKind(boolean deadline) {
        this.deadline = deadline;
    }

    /** Raised only by the sweep, because time alone makes it hold; an event may still end it at once. */
    public boolean deadline() {
        return deadline;
    }
}
