package fr.mutualis.governance.messages;

/** Commune, intercommunalité (EPCI), département, région, syndicat mixte. */
public enum CollectiviteKind {
    COMMUNE,
    EPCI,
    DEPARTEMENT,
    REGION,
    SYNDICAT
}
