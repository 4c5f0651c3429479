package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

/**
 * A collectivité joined the directory (population feeds cost allocation, EPCI membership feeds visibility, the SIRET
 * of its siège names it in the SCDL open-data exports).
 *
 * @param siret absent from the events of collectivités registered before the directory knew SIRETs
 */
@IntegrationEvent(type = "governance.CollectiviteRegistered")
public record CollectiviteRegistered(String siren, String name, String kind, long population, String epciSiren,
                                     String siret) {

    /** A registration without SIRET, as the directory published them before it knew SIRETs. */
    public CollectiviteRegistered(String siren, String name, String kind, long population, String epciSiren) {
        this(siren, name, kind, population, epciSiren, null);
    }
}
