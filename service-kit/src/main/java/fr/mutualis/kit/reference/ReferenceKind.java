package fr.mutualis.kit.reference;

/**
 * The kinds of objects a write may name in another context, each learnt from the integration event that creates it.
 */
public enum ReferenceKind {
    ROADMAP("roadmap"),
    PROJECT("project"),
    BUDGET_LINE("budget line"),
    DECISION("decision"),
    SCENARIO("scenario");

    private final String label;

    ReferenceKind(String label) {
        this.label = label;
    }

    /** How the API names it in a problem's detail. */
    public String label() {
        return label;
    }
}
