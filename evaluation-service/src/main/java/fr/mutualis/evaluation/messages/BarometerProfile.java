package fr.mutualis.evaluation.messages;

/** The profiles of the territorial digital innovation barometer (DOMAIN.md §6), in the table's order. */
public enum BarometerProfile {
    SYSTEMIC,
    PATHFINDER,
    ENTREPRENEUR,
    EXPLORER,
    OBSERVER,
    UNCLASSIFIED
}
