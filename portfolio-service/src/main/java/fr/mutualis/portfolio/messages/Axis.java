package fr.mutualis.portfolio.messages;

/** The 12 axes of digital development (DOMAIN.md §2). */
public enum Axis {
    OPEN_DATA,
    VERY_HIGH_SPEED_NETWORK,
    DEMATERIALISATION,
    SMART_CITY,
    BIG_DATA,
    STARTUP_INCUBATOR,
    E_INCLUSION,
    E_DEMOCRACY,
    COLLABORATIVE_ECONOMY,
    OPEN_INNOVATION,
    LOCAL_HOSTING_CLOUD,
    PUBLIC_DATA_PROTECTION
}
