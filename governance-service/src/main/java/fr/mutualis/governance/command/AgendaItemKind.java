package fr.mutualis.governance.command;

/** What an agenda item asks the instance; INFORMATION items are heard, not voted. */
public enum AgendaItemKind {
    PROJECT_GATE("validation de phase de projet"),
    ROADMAP_ADOPTION("adoption de la feuille de route"),
    BUDGET_ARBITRATION("arbitrage budgétaire"),
    PRIORITISATION("priorisation"),
    INFORMATION("information");

    private final String label;

    AgendaItemKind(String label) {
        this.label = label;
    }

    public boolean isVoted() {
        return this != INFORMATION;
    }

    /** A project gate approves a project and a roadmap adoption adopts a roadmap: they must name it. */
    public boolean needsSubject() {
        return this == PROJECT_GATE || this == ROADMAP_ADOPTION;
    }

    public String label() {
        return label;
    }
}
