package fr.mutualis.governance.messages;

/** How the chair voted: on a tie, the chair's vote decides (voix prépondérante) unless the ballot was secret. */
public enum ChairVote {
    FOR,
    AGAINST,
    ABSTAIN
}
