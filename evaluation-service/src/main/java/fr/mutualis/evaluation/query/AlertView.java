package fr.mutualis.evaluation.query;

import java.time.Instant;
import java.util.UUID;

/** An alert as the API shows it; {@code until} is null while it is open. */
public record AlertView(UUID id, String kind, String ownerId, String subjectKind, String subjectId, String subjectLabel,
                        Instant since, Instant until, String detail) {
}
