package fr.mutualis.governance.messages;

/**
 * The deliberative assembly (conseil municipal / communautaire, comité syndical) takes legal acts under legal
 * quorum and majority rules; the steering instances are advisory and set their own quorum.
 */
public enum InstanceKind {
    DELIBERATIVE_ASSEMBLY("assemblée délibérante"),
    STRATEGIC_COMMITTEE("comité stratégique"),
    PORTFOLIO_STEERING_COMMITTEE("comité de pilotage du portefeuille"),
    OPERATIONAL_COMMITTEE("comité opérationnel"),
    WORKING_GROUP("groupe de travail");

    private final String label;

    InstanceKind(String label) {
        this.label = label;
    }

    public boolean isDeliberative() {
        return this == DELIBERATIVE_ASSEMBLY;
    }

    /** The French name used in the minutes. */
    public String label() {
        return label;
    }
}
