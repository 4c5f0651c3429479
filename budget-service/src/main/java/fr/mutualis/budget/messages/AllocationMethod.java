package fr.mutualis.budget.messages;

/** The cost-allocation key of a mutualisation's convention (DOMAIN.md §3). */
public enum AllocationMethod {
    /** Pro rata inhabitants, from governance's directory of collectivités. */
    POPULATION,
    /** Pro rata units of work recorded per member (workstations, tickets, hours), given with each allocation. */
    USAGE,
    /** Percentages of the convention, summing to 100. */
    FIXED_SHARES
}
