package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

/** A collectivité joined the directory (population feeds cost allocation, EPCI membership feeds visibility). */
@IntegrationEvent(type = "governance.CollectiviteRegistered")
public record CollectiviteRegistered(String siren, String name, String kind, long population, String epciSiren) {
}
