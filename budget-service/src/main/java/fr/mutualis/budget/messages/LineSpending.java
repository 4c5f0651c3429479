package fr.mutualis.budget.messages;

import fr.mutualis.kit.tenant.Owner;

import java.util.UUID;

/**
 * What a line answers to an engagement or a mandate it accepted: its owner (which the engagement registry keeps),
 * and the programme it spends with the year charged ({@code programmeId} null when the line spends no programme),
 * so that the caller also charges the programme in the same transaction.
 */
public record LineSpending(Owner ownerId, UUID programmeId, int year) {

    public boolean chargesProgramme() {
        return programmeId != null;
    }
}
