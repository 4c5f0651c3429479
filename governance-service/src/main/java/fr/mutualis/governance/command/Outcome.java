package fr.mutualis.governance.command;

public enum Outcome {
    APPROVED,
    REJECTED,
    DEFERRED
}
