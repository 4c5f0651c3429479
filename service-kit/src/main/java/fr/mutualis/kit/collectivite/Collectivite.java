package fr.mutualis.kit.collectivite;

/**
 * A collectivité as governance registered it: the public directory every service may read.
 *
 * @param epciSiren the EPCI it belongs to, {@code null} for an EPCI or an isolated commune
 * @param siret     its siège's SIRET, {@code null} when registered before the directory knew SIRETs
 */
public record Collectivite(String siren, String name, String kind, long population, String epciSiren, String siret) {
}
