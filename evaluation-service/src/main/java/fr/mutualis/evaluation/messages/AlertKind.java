package fr.mutualis.evaluation.messages;

import java.util.Arrays;

/**
 * The rules of DOMAIN §9, in its order, with the French label mails name them by. Four follow the event streams; the
 * others depend on the date and are evaluated by a periodic sweep as well.
 */
public enum AlertKind {
    CREDITS_NEARLY_CONSUMED(false, "Crédits presque consommés"),
    CP_SHORTFALL(false, "Crédits de paiement insuffisants"),
    MILESTONE_LATE(true, "Jalon en retard"),
    INDICATOR_OFF_TRACK(false, "Indicateur hors trajectoire"),
    CADENCE_NOT_KEPT(true, "Cadence de l'instance non tenue"),
    SHORT_NOTICE(true, "Convocation hors délai"),
    MINUTES_LATE(true, "Procès-verbal en retard"),
    DECISION_NOT_APPLIED(false, "Décision non appliquée");

    private final boolean deadline;
    private final String label;

    AlertKind(boolean deadline, String label) {
        this.deadline = deadline;
        this.label = label;
    }

    /** Raised only by the sweep, because time alone makes it hold; an event may still end it at once. */
    public boolean deadline() {
        return deadline;
    }

    public String label() {
        return label;
    }

    /** The label of a kind as an event names it; a kind this version does not know yet keeps its code. */
    public static String labelOf(String kind) {
        return Arrays.stream(values()).filter(known -> known.name().equals(kind)).findFirst()
                .map(AlertKind::label).orElse(kind);
    }
}
