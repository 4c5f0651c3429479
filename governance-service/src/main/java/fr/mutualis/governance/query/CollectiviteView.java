package fr.mutualis.governance.query;

/** @param electedLead the élu au numérique, once designated */
public record CollectiviteView(String siren, String name, String kind, long population, String epciSiren,
                               String electedLead, long version) {
}
