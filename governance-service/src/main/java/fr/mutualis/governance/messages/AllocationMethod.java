package fr.mutualis.governance.messages;

/** How a mutualisation's costs are split among its members (clé de répartition). */
public enum AllocationMethod {
    POPULATION,
    USAGE,
    FIXED_SHARES
}
