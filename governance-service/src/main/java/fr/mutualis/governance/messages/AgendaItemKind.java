package fr.mutualis.governance.messages;

/**
 * What an agenda item asks the instance; INFORMATION items are heard, not voted.
 * <p>
 * Each voted kind carries the matière of the ACTES nomenclature (the classification of the acts a collectivité
 * transmits to the préfecture, which the SCDL délibérations schema requires) that its délibération falls under: a
 * budget arbitration is a budget decision (7.1); a roadmap adoption, a project gate or a prioritisation decides the
 * digital roadmap, a competence the nomenclature has no matière of its own for, so it falls under 9.1, the
 * collectivités' other competences. The kind decides, not the person who schedules the séance: the greffier finds the
 * same matière for the same kind of act, and API.md's agenda items keep their fields.
 */
public enum AgendaItemKind {
    PROJECT_GATE("validation de phase de projet", ActesMatiere.OTHER_COMPETENCES),
    ROADMAP_ADOPTION("adoption de la feuille de route", ActesMatiere.OTHER_COMPETENCES),
    BUDGET_ARBITRATION("arbitrage budgétaire", ActesMatiere.BUDGET_DECISIONS),
    PRIORITISATION("priorisation", ActesMatiere.OTHER_COMPETENCES),
    INFORMATION("information", null);

    private final String label;
    private final ActesMatiere matiere;

    AgendaItemKind(String label, ActesMatiere matiere) {
        this.label = label;
        this.matiere = matiere;
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

    /** The ACTES matière of a decision of this kind; none for INFORMATION, which is never decided. */
    public ActesMatiere matiere() {
        return matiere;
    }

    /** A matière of the ACTES nomenclature, at its second level: its code and its name, "matière/sous-matière". */
    public enum ActesMatiere {
        BUDGET_DECISIONS("7.1", "Finances locales/Décisions budgétaires"),
        OTHER_COMPETENCES("9.1", "Autres domaines de compétences/Autres domaines de compétences des communes");

        private final String code;
        private final String name;

        ActesMatiere(String code, String name) {
            this.code = code;
            this.name = name;
        }

        public String code() {
            return code;
        }

        public String label() {
            return name;
        }
    }
}
