package fr.mutualis.governance.messages;

import java.util.UUID;

/** What the instance answers to a vote: the outcome, and the instance's version after it. */
public record DecisionTaken(UUID decisionId, Outcome outcome, long version) {
}
