package fr.mutualis.governance.query;

/**
 * @param electedLead the élu au numérique, once designated
 * @param siret       the siège's SIRET, unknown for collectivités registered before the directory held SIRETs
 */
public record CollectiviteView(String siren, String name, String kind, long population, String epciSiren,
                               String electedLead, String siret, long version) {
}
