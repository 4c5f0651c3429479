package fr.mutualis.evaluation.messages;

/** What an alert is about: the page of the console that shows it. */
public enum AlertSubjectKind {
    PROJECT, BUDGET_LINE, PROGRAMME, INDICATOR, INSTANCE, SESSION, DECISION
}
