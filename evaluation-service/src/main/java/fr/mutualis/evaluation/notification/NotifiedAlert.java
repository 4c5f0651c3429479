package fr.mutualis.evaluation.notification;

import java.time.Instant;
import java.util.UUID;

/** An alert as the notifier heard of it (table {@code notified_alert}): what its mails say. */
record NotifiedAlert(UUID alertId, String kind, String subjectKind, String subjectId, String subjectLabel,
                     Instant since, String detail, Instant endedAt, String endReason) {
}
