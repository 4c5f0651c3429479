package fr.mutualis.portfolio.command;

public enum RoadmapStatus {
    DRAFT,
    ADOPTED,
    CLOSED
}
