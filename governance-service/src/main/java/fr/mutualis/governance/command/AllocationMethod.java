package fr.mutualis.governance.command;

/** How a mutualisation's costs are split among its members (clé de répartition). */
public enum AllocationMethod {
    POPULATION,
    USAGE,
    FIXED_SHARES
}
