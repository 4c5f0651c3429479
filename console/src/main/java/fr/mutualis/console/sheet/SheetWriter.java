package fr.mutualis.console.sheet;

import fr.mutualis.contracts.SpreadsheetText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link SheetTable} as a file a French spreadsheet opens as it is.
 * <ul>
 * <li>XLSX through POI's streaming SXSSF (a window of rows in memory, the rest on disk: any list's length): typed
 * cells, amounts as numbers in euros formatted {@code # ##0,00 €}, dates as real dates shown {@code dd/mm/yyyy}, a
 * bold header row frozen above the data, each column as wide as its longest text (within bounds).</li>
 * <li>CSV through Commons CSV: RFC 4180 quoting with {@code ;} between cells (the separator a French Excel expects,
 * the comma being the decimal mark), UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1252),
 * amounts and decimals with a decimal comma and no grouping, dates {@code 31/03/2026}. A text cell a spreadsheet
 * would run as a formula is made inert ({@link SpreadsheetText}); {@link SheetReader} restores it.</li>
 * </ul>
 */
public final class SheetWriter {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv;charset=UTF-8";
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setDelimiter(';').get();
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final char BOM = '\uFEFF';
    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 200;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    public static byte[] xlsx(SheetTable table) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
            Styles styles = new Styles(book);
            int[] widths = new int[table.headers().size()];
            Row header = sheet.createRow(0);
            for (int column = 0; column < widths.length; column++) {
                Cell cell = header.createCell(column);
                cell.setCellValue(table.headers().get(column));
                cell.setCellStyle(styles.header);
                widths[column] = table.headers().get(column).length();
            }
            int index = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(index++);
                for (int column = 0; column < widths.length; column++) {
                    Object value = values.get(column);
                    if (value != null) {
                        write(row.createCell(column), table.kinds().get(column), value, styles);
                        widths[column] = Math.max(widths[column], text(table.kinds().get(column), value).length());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int column = 0; column < widths.length; column++) {
                // Width in 1/256 of a character, with room for the filter arrow and the currency sign.
                sheet.setColumnWidth(column, Math.clamp(widths[column] + 3L, MIN_WIDTH, MAX_WIDTH) * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("An in-memory workbook could not be written", e);
        }
    }

    public static byte[] csv(SheetTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            writer.write(BOM);
            printer.printRecord(table.headers());
            for (List<Object> values : table.rows()) {
                List<String> cells = new ArrayList<>(values.size());
                for (int column = 0; column < values.size(); column++) {
                    Object value = values.get(column);
                    CellKind kind = table.kinds().get(column);
                    cells.add(value == null ? ""
                            : kind == CellKind.TEXT ? SpreadsheetText.neutralised(value.toString()) : text(kind, value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("An in-memory CSV could not be written", e);
        }
        return out.toByteArray();
    }

    /** The text a person reads in a cell: what the CSV holds, and what sizes an XLSX column. */
    static String text(CellKind kind, Object value) {
        return switch (kind) {
            case MONEY -> decimal(euros((Long) value));
            case DATE -> FRENCH_DATE.format((LocalDate) value);
            case NUMBER -> decimal((BigDecimal) value);
            default -> value.toString();
        };
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static void write(Cell cell, CellKind kind, Object value, Styles styles) {
        switch (kind) {
            case MONEY -> {
                cell.setCellValue(euros((Long) value).doubleValue());
                cell.setCellStyle(styles.money);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
            }
            case NUMBER -> cell.setCellValue(((BigDecimal) value).doubleValue());
            case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
            default -> cell.setCellValue(value.toString());
        }
    }

    /** The workbook's few styles (a style per cell would exhaust the workbook's 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle date;

        Styles(SXSSFWorkbook book) {
            DataFormat formats = book.createDataFormat();
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            money = book.createCellStyle();
            // Number formats are stored in the file's invariant syntax; a French Excel shows 1 234,56 €.
            money.setDataFormat(formats.getFormat("#,##0.00\\ \"€\""));
            date = book.createCellStyle();
            date.setDataFormat(formats.getFormat("dd/mm/yyyy"));
        }
    }

    private SheetWriter() {
    }
}
