package fr.mutualis.governance.command;

/** How the chair voted: on a tie, the chair's vote decides (voix prépondérante) unless the ballot was secret. */
public enum ChairVote {
    FOR,
    AGAINST,
    ABSTAIN
}
