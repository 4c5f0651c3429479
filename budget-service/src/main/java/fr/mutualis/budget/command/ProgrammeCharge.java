package fr.mutualis.budget.command;

import java.util.UUID;

/** What a line answers to an engagement or mandate when it spends a programme: which one, and in which year. */
public record ProgrammeCharge(UUID programmeId, int year) {
}
