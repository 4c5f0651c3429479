package fr.mutualis.budget.query;

/** Planned, voted, engaged and mandated per section of a tenant's fiscal year. */
public record BudgetSummary(int fiscalYear, Totals investment, Totals operating) {

    public record Totals(long plannedCents, long votedCents, long engagedCents, long mandatedCents) {

        static final Totals NONE = new Totals(0, 0, 0, 0);
    }
}
