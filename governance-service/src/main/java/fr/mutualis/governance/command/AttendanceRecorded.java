package fr.mutualis.governance.command;

import java.util.List;
import java.util.UUID;

public record AttendanceRecorded(UUID instanceId, UUID sessionId, List<String> present, boolean quorumReached) {
}
