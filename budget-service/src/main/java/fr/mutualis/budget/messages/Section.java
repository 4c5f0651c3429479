package fr.mutualis.budget.messages;

/** Section d'investissement, section de fonctionnement. */
public enum Section {
    INVESTMENT,
    OPERATING
}
