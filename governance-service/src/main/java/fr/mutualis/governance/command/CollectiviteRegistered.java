package fr.mutualis.governance.command;

public record CollectiviteRegistered(String siren, String name, CollectiviteKind kind, long population,
                                     String epciSiren) {
}
