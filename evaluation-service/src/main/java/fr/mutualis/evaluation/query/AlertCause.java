package fr.mutualis.evaluation.query;

import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.evaluation.messages.AlertSubjectKind;

import java.time.Instant;

/**
 * A rule of DOMAIN §9 that holds now for one subject.
 *
 * @param causeKey what the alert is about within its subject: one open alert per kind and cause key
 * @param detail   a French sentence with the figures and the threshold
 */
public record AlertCause(AlertKind kind, AlertSubjectKind subjectKind, String subjectId, String causeKey,
                         String subjectLabel, Instant since, String detail) {
}
