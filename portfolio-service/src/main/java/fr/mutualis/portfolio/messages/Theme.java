package fr.mutualis.portfolio.messages;

/** Offre de services aux usagers, services métiers, infrastructure. */
public enum Theme {
    USER_SERVICES,
    BUSINESS_SERVICES,
    INFRASTRUCTURE
}
