package fr.mutualis.kit.csv;

import fr.mutualis.contracts.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an export that a spreadsheet will open: RFC 4180 (comma, CRLF, double quotes), UTF-8 text, the header as
 * given and unquoted, then one line per row, through Apache Commons CSV.
 * <p>
 * A text cell that a spreadsheet would run as a formula is made inert ({@link SpreadsheetText}: a collectivité's label
 * would act on the computer of whoever opens its open data), and every text cell is quoted. Cells are typed, so that this never touches a
 * number: a {@link Number} is written as is, unquoted (a negative amount stays a number), {@code null} is an empty
 * cell (a missing value), anything else is text.
 */
public final class SpreadsheetCsv {

    private static final CSVFormat HEADER = CSVFormat.RFC4180;
    private static final CSVFormat ROWS = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();

    /** The whole file: {@code columns}, then each row, its cells in the order of the columns. */
    public static String write(List<String> columns, List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        try {
            HEADER.printRecord(csv, columns.toArray());
            for (List<?> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size() + " columns");
                }
                ROWS.printRecord(csv, row.stream().map(SpreadsheetCsv::cell).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A StringBuilder does not fail", e);
        }
        return csv.toString();
    }

    /** What is written for {@code value}: numbers and missing values unchanged, text made inert. */
    static Object cell(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        return SpreadsheetText.neutralised(value.toString());
    }

    private SpreadsheetCsv() {
    }
}
