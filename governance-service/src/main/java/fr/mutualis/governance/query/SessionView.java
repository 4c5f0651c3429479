package fr.mutualis.governance.query;

import fr.mutualis.governance.messages.AgendaItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A séance with its agenda, roll call, decisions and, once closed, its procès-verbal. */
public record SessionView(UUID id, UUID instanceId, String instanceName, String instanceKind, String ownerId,
                          Instant scheduledAt, UUID reconvenedFrom, boolean quorumWaived, String status,
                          List<AgendaItem> agenda, Attendance attendance, List<DecisionView> decisions,
                          Minutes minutes, long version) {

    public record Attendance(List<String> present, List<String> absent, boolean quorumReached) {
    }

    /** The published procès-verbal: readable text; the structured data is the rest of this séance. */
    public record Minutes(LocalDate heldOn, Instant publishedAt, String text) {
    }
}
