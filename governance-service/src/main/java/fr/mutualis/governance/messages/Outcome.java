package fr.mutualis.governance.messages;

public enum Outcome {
    APPROVED,
    REJECTED,
    DEFERRED
}
