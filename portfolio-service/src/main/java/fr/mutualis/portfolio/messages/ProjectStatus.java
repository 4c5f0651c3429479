package fr.mutualis.portfolio.messages;

public enum ProjectStatus {
    PROPOSED,
    ASSESSED,
    APPROVED,
    IN_PROGRESS,
    ON_HOLD,
    DELIVERED,
    CLOSED,
    CANCELLED
}
