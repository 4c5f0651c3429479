package fr.mutualis.budget.command;

/** Section d'investissement, section de fonctionnement. */
public enum Section {
    INVESTMENT,
    OPERATING
}
