package fr.mutualis.governance.messages;

import java.util.List;
import java.util.UUID;

/** A point of the ordre du jour; {@code subjectId} names the project or roadmap decided upon. */
public record AgendaItem(UUID agendaItemId, AgendaItemKind kind, String title, String subjectId,
                         List<ArbitratedAmount> amounts) {
}
