package fr.mutualis.governance.messages;

import java.util.List;
import java.util.UUID;

public record AttendanceRecorded(UUID instanceId, UUID sessionId, List<String> present, boolean quorumReached) {
}
