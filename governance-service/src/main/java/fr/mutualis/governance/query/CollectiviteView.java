package fr.mutualis.governance.query;

public record CollectiviteView(String siren, String name, String kind, long population, String epciSiren,
                               long version) {
}
