package fr.mutualis.console.sheet;

import java.util.List;

/**
 * A table to write: its name (the sheet's, and the start of the file's), its French headers with their kinds, and
 * its rows of typed values: {@code String} for TEXT and LABEL, {@code Long} cents for MONEY, {@code LocalDate},
 * {@code BigDecimal} for NUMBER, {@code Long} for INTEGER, {@code null} for an empty cell.
 */
public record SheetTable(String name, List<String> headers, List<CellKind> kinds, List<List<Object>> rows) {

    public SheetTable {
        if (headers.size() != kinds.size()) {
            throw new IllegalArgumentException(headers.size() + " headers for " + kinds.size() + " kinds");
        }
    }
}
