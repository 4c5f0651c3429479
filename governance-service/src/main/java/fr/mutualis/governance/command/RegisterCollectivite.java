package fr.mutualis.governance.command;

/** Add a collectivité to the directory; {@code epciSiren} names the EPCI it is a member of, if any. */
public record RegisterCollectivite(String siren, String name, CollectiviteKind kind, long population,
                                   String epciSiren) {
}
