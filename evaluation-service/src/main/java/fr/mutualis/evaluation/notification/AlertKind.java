package fr.mutualis.evaluation.notification;

import java.util.Arrays;

/** The kinds of alert of DOMAIN.md §9 one can subscribe to, with the French label mails name them by. */
public enum AlertKind {
    CREDITS_NEARLY_CONSUMED("Crédits presque consommés"),
    CP_SHORTFALL("Crédits de paiement insuffisants"),
    MILESTONE_LATE("Jalon en retard"),
    INDICATOR_OFF_TRACK("Indicateur hors trajectoire"),
    CADENCE_NOT_KEPT("Cadence de l'instance non tenue"),
    SHORT_NOTICE("Convocation hors délai"),
    MINUTES_LATE("Procès-verbal en retard"),
    DECISION_NOT_APPLIED("Décision non appliquée");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a kind as the event names it; a kind this version does not know yet keeps its code. */
    static String labelOf(String kind) {
        return Arrays.stream(values()).filter(known -> known.name().equals(kind)).findFirst()
                .map(AlertKind::label).orElse(kind);
    }
}
