package fr.mutualis.console.sheet;

import java.util.List;

/**
 * A column of a list's file.
 *
 * @param field    the API's JSON field it shows ({@code scores.risk} for a nested one) and, when imported, fills
 * @param labelKey the message key of its French header, the console's label of the field
 * @param kind     what it holds
 * @param codes    for a {@link CellKind#LABEL} column, the API's codes, each shown as message {@code labelKey + "." + code}
 *                 unless {@code codePrefix} says otherwise
 * @param codePrefix the message key prefix of the codes' labels ({@code axis.})
 * @param imported whether an import reads it into the request (else it is shown only, and ignored on import)
 */
public record SheetColumn(String field, String labelKey, CellKind kind, List<String> codes, String codePrefix,
                          boolean imported) {

    public static SheetColumn shown(String field, String labelKey, CellKind kind) {
        return new SheetColumn(field, labelKey, kind, List.of(), null, false);
    }

    public static SheetColumn imported(String field, String labelKey, CellKind kind) {
        return new SheetColumn(field, labelKey, kind, List.of(), null, true);
    }

    public static SheetColumn labels(String field, String labelKey, String codePrefix, List<String> codes,
                                     boolean imported) {
        return new SheetColumn(field, labelKey, CellKind.LABEL, List.copyOf(codes), codePrefix, imported);
    }
}
