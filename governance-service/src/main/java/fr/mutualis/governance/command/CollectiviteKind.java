package fr.mutualis.governance.command;

/** Commune, intercommunalité (EPCI), département, région, syndicat mixte. */
public enum CollectiviteKind {
    COMMUNE,
    EPCI,
    DEPARTEMENT,
    REGION,
    SYNDICAT
}
