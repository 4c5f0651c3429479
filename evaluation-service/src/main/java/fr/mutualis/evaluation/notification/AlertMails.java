package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.kit.time.FrenchTime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Writes the mails, in French: one alert, or the digest of a day. */
final class AlertMails {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE)
            .withZone(FrenchTime.ZONE);
    static final String SUBSCRIPTIONS_PAGE = "/evaluation/alertes-email";

    private final NotificationProperties settings;

    AlertMails(NotificationProperties settings) {
        this.settings = settings;
    }

    AlertMail immediate(NotifiedAlert alert, String personId, String email) {
        String label = AlertKind.labelOf(alert.kind());
        StringBuilder text = new StringBuilder("Bonjour,\n\n")
                .append("Alerte « ").append(label).append(" » : ").append(subject(alert))
                .append(since(alert)).append(".\n\n");
        if (alert.detail() != null) {
            text.append(alert.detail()).append("\n\n");
        }
        text.append("Voir dans la console : ").append(link(alert)).append('\n');
        ended(alert, text);
        footer(text, "Vous recevez ce message parce que vous êtes abonné(e) aux alertes « " + label + " ».");
        return new AlertMail(messageId("alert." + alert.alertId(), personId), email,
                "[Mutualis] " + label + " : " + subject(alert), text.toString());
    }

    AlertMail digest(LocalDate day, List<NotifiedAlert> alerts, String personId, String email) {
        StringBuilder text = new StringBuilder("Bonjour,\n\n")
                .append(alerts.size() == 1 ? "Une alerte a été levée" : alerts.size() + " alertes ont été levées")
                .append(" le ").append(FrenchTime.DAY.format(day)).append(" :\n");
        for (NotifiedAlert alert : alerts) {
            text.append("\n- ").append(AlertKind.labelOf(alert.kind())).append(" : ").append(subject(alert))
                    .append(since(alert)).append('\n');
            if (alert.detail() != null) {
                text.append("  ").append(alert.detail()).append('\n');
            }
            text.append("  ").append(link(alert)).append('\n');
            if (alert.endedAt() != null) {
                text.append("  Terminée le ").append(MOMENT.format(alert.endedAt()))
                        .append(alert.endReason() == null ? "" : " : " + alert.endReason()).append('\n');
            }
        }
        footer(text, "Vous recevez ce résumé quotidien parce que vous y êtes abonné(e).");
        return new AlertMail(messageId("digest." + day, personId), email,
                "[Mutualis] Résumé des alertes du " + FrenchTime.DAY.format(day) + " (" + alerts.size() + ")", text.toString());
    }

    private static String subject(NotifiedAlert alert) {
        return alert.subjectLabel() != null ? alert.subjectLabel() : String.valueOf(alert.subjectId());
    }

    private static String since(NotifiedAlert alert) {
        return alert.since() == null ? "" : ", depuis le " + MOMENT.format(alert.since());
    }

    private static void ended(NotifiedAlert alert, StringBuilder text) {
        if (alert.endedAt() != null) {
            text.append("\nCette alerte a pris fin le ").append(MOMENT.format(alert.endedAt()))
                    .append(alert.endReason() == null ? "." : " : " + alert.endReason()).append('\n');
        }
    }

    private void footer(StringBuilder text, String why) {
        text.append("\n-- \n").append(why).append("\nGérer vos abonnements : ").append(settings.consoleUrl())
                .append(SUBSCRIPTIONS_PAGE).append('\n');
    }

    /** The console page of the alert's subject. */
    String link(NotifiedAlert alert) {
        String id = alert.subjectId();
        String path = switch (String.valueOf(alert.subjectKind())) {
            case "PROJECT" -> "/projets/" + id;
            case "BUDGET_LINE" -> "/budget/lignes/" + id;
            case "PROGRAMME" -> "/budget/programmes/" + id;
            case "INDICATOR" -> "/evaluation/indicateurs/" + id;
            case "INSTANCE" -> "/gouvernance/instances/" + id;
            case "SESSION" -> "/gouvernance/seances/" + id;
            case "DECISION" -> "/gouvernance/decisions";
            default -> "/";
        };
        return settings.consoleUrl() + path;
    }

    /**
     * The same for every attempt at one mail: should a mail be sent twice (the server accepted it, then the process
     * died before recording so), the receiving side sees the same message twice and can tell.
     */
    private String messageId(String what, String personId) {
        UUID person = UUID.nameUUIDFromBytes(personId.getBytes(StandardCharsets.UTF_8));
        return "<" + what + "." + person + "@" + settings.domain() + ">";
    }

    static Instant orNull(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
