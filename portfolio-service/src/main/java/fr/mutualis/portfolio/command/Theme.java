package fr.mutualis.portfolio.command;

/** Offre de services aux usagers, services métiers, infrastructure. */
public enum Theme {
    USER_SERVICES,
    BUSINESS_SERVICES,
    INFRASTRUCTURE
}
