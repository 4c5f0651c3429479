package fr.mutualis.portfolio.messages;

public enum RoadmapStatus {
    DRAFT,
    ADOPTED,
    CLOSED
}
