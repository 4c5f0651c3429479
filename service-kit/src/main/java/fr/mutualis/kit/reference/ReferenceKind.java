package fr.mutualis.kit.reference;

/**
 * The kinds of objects a write may name in another context, each learnt from the integration event that creates it.
 */
public enum ReferenceKind {
    ROADMAP("roadmap", "portfolio.RoadmapDrafted"),
    PROJECT("project", "portfolio.ProjectProposed"),
    BUDGET_LINE("budget line", "budget.BudgetLineOpened"),
    DECISION("decision", "governance.DecisionPublished");

    private final String label;
    private final String createdBy;

    ReferenceKind(String label, String createdBy) {
        this.label = label;
        this.createdBy = createdBy;
    }

    /** How the API names it in a problem's detail. */
    public String label() {
        return label;
    }

    /** The integration event type that makes an object of this kind known. */
    public String createdBy() {
        return createdBy;
    }
}
