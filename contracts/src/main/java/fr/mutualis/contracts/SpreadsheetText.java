package fr.mutualis.contracts;

/**
 * Text written into a spreadsheet cell (CSV or XLSX) by the platform's exports. A spreadsheet runs a cell whose text
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return as a formula
 * ({@code =HYPERLINK(...)}, {@code +1+cmd|' /C calc'!A0}): a collectivité's label would act on the computer of
 * whoever opens the file. As OWASP recommends against CSV injection, such a text is prefixed with a single quote;
 * a reader of the platform's own files takes it off again.
 */
public final class SpreadsheetText {

    /** First characters that make a spreadsheet evaluate a cell (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** {@code text}, prefixed with a single quote when a spreadsheet would run it as a formula. */
    public static String neutralised(String text) {
        return startsLikeAFormula(text, 0) ? "'" + text : text;
    }

    /** The text that {@link #neutralised} made {@code cell}: {@code '=A1} was {@code =A1}; other cells as they are. */
    public static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeAFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsLikeAFormula(String text, int at) {
        return text.length() > at && FORMULA_STARTS.indexOf(text.charAt(at)) >= 0;
    }
}
