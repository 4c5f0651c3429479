package fr.mutualis.contracts.governance;

import fr.mutualis.contracts.IntegrationEvent;

/** A collectivité designated its élu au numérique (barometer criterion ELECTED_LEAD). */
@IntegrationEvent(type = "governance.ElectedLeadDesignated")
public record ElectedLeadDesignated(String siren, String name) {
}
