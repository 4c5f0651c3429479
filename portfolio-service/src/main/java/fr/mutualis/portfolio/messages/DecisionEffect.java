package fr.mutualis.portfolio.messages;

/**
 * What an approved governance decision did to its subject. A decision that cannot apply is reported, never thrown:
 * it comes from another context's immutable record, and refusing it would only block the consumer.
 */
public enum DecisionEffect {
    /** The subject moved (project APPROVED, roadmap ADOPTED, scenario chosen). */
    APPLIED,
    /** The subject already went through this very decision (a redelivery). */
    ALREADY_APPLIED,
    /** The subject is not in the state the decision applies to (e.g. a project gate on a PROPOSED project). */
    WRONG_STATE,
    /** The deciding instance belongs to another owner than the subject: it has no say on it. */
    OTHER_OWNER,
    /** No project, roadmap or scenario has this id here. */
    UNKNOWN_SUBJECT,
    /** REJECTED or DEFERRED: nothing changes. */
    NOT_APPROVED
}
