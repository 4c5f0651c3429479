package fr.mutualis.governance.messages;

/** @param siret the siège's SIRET; absent from the events of collectivités registered before the directory knew it */
public record CollectiviteRegistered(String siren, String name, CollectiviteKind kind, long population,
                                     String epciSiren, String siret) {
}
