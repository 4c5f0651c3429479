package fr.mutualis.governance.messages;

/**
 * Add a collectivité to the directory; {@code epciSiren} names the EPCI it is a member of, if any, {@code siret} the
 * establishment of its siège, which the SCDL open-data exports need.
 */
public record RegisterCollectivite(String siren, String name, CollectiviteKind kind, long population,
                                   String epciSiren, String siret) {
}
