package fr.mutualis.governance.messages;

import fr.mutualis.kit.tenant.Owner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * @param quorumWaived true for an assembly's séance re-convened after one without quorum
 * @param ownerId      the instance's owner, so that the séance's integration event needs no other state; null in
 *                     events stored before it was recorded
 * @param instanceKind the instance's kind (the legal notice applies to deliberative assemblies); null likewise
 * @param convenedAt   the day the convocation was sent (null in events stored before it was recorded)
 * @param urgent       convened in urgency: the legal notice shrinks to one jour franc
 */
public record SessionScheduled(UUID instanceId, UUID sessionId, Instant scheduledAt, List<AgendaItem> agenda,
                               UUID reconvenedFrom, boolean quorumWaived, Owner ownerId, InstanceKind instanceKind,
                               LocalDate convenedAt, boolean urgent) {
}
