package fr.mutualis.console.sheet;

/** What a column holds: its cell type and format in XLSX, its text in CSV, how an import reads it. */
public enum CellKind {
    /** Free text. */
    TEXT,
    /** A code of the API shown by its French label (an axis, a status); an import accepts the label or the code. */
    LABEL,
    /** Euro cents in the API, euros in the file ({@code 1 234,56 €}). */
    MONEY,
    /** An ISO date in the API, {@code 31/03/2026} in the file. */
    DATE,
    /** A decimal number. */
    NUMBER,
    /** A whole number. */
    INTEGER
}
