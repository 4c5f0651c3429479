package fr.mutualis.evaluation.messages;

/** Communication tools a collectivité declares (barometer criterion COMMUNICATION). */
public enum CommunicationTool {
    /** Website, newsletter. */
    TOP_DOWN,
    /** Institutional social-network pages used to interact. */
    SOCIAL,
    /** Hackathon, call for projects, participatory budget. */
    PARTICIPATORY
}
