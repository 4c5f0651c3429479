package fr.mutualis.evaluation.messages;

/** What an indicator measures: a whole tenant, a mutualisation, one roadmap or one project. */
public enum ScopeKind {
    TENANT,
    MUTUALISATION,
    ROADMAP,
    PROJECT
}
