package fr.mutualis.console.sheet;

import fr.mutualis.contracts.SpreadsheetText;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded XLSX or CSV file into its header and rows, cells as found: XLSX cells typed ({@code String},
 * {@code BigDecimal}, {@code LocalDate}), CSV cells as text. Refuses ({@link SheetException}) what is not one of the
 * two, an empty file, a file over {@link #MAX_BYTES} or with more than {@link #MAX_ROWS} rows.
 * <p>
 * A CSV is read as UTF-8 (a byte-order mark is skipped) or, when it is not valid UTF-8, as Windows-1252: what a French
 * Excel writes for "CSV (séparateur : point-virgule)". Its separator is the header line's {@code ;}, else {@code ,}.
 */
public final class SheetReader {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 1000;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The header's cells and the rows that hold anything, each with its line number in the file (the header's is 1). */
    public record Table(List<String> headers, List<Line> lines) {
    }

    public record Line(int number, List<Object> cells) {
    }

    public static Table read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new SheetException("empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new SheetException("too-large", MAX_BYTES / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Table table;
        if (startsWith(bytes, ZIP)) {
            table = xlsx(bytes);
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            table = csv(text(bytes));
        } else {
            throw new SheetException("format");
        }
        if (table.headers().isEmpty() || table.lines().isEmpty()) {
            throw new SheetException("empty");
        }
        return table;
    }

    private static Table xlsx(byte[] bytes) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw new SheetException("empty");
            }
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            Row first = sheet.getRow(sheet.getFirstRowNum());
            if (first == null) {
                return new Table(List.of(), List.of());
            }
            for (int column = 0; column < first.getLastCellNum(); column++) {
                Object value = value(first.getCell(column));
                headers.add(value == null ? "" : value.toString().strip());
            }
            trimEmptyTail(headers);
            List<Line> lines = new ArrayList<>();
            for (int index = first.getRowNum() + 1; index <= sheet.getLastRowNum(); index++) {
                Row row = sheet.getRow(index);
                if (row == null) {
                    continue;
                }
                List<Object> cells = new ArrayList<>();
                for (int column = 0; column < headers.size(); column++) {
                    cells.add(value(row.getCell(column)));
                }
                add(lines, index + 1, cells);
            }
            return new Table(headers, lines);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof SheetException refused) {
                throw refused;
            }
            // A zip that is no workbook, a damaged or encrypted one, a zip bomb POI refuses: not a file we can read.
            throw new SheetException("format");
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : BigDecimal.valueOf(cell.getNumericCellValue());
            case STRING -> blankToNull(cell.getStringCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static Table csv(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = content.indexOf('\n');
        String headerLine = end < 0 ? content : content.substring(0, end);
        char delimiter = headerLine.indexOf(';') >= 0 || headerLine.indexOf(',') < 0 ? ';' : ',';
        try (CSVParser parser = SheetWriter.CSV.builder().setDelimiter(delimiter).get().parse(new StringReader(content))) {
            List<String> headers = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (headers == null) {
                    headers = new ArrayList<>(record.stream().map(String::strip).toList());
                    trimEmptyTail(headers);
                    continue;
                }
                List<Object> cells = new ArrayList<>();
                for (int column = 0; column < headers.size(); column++) {
                    cells.add(column < record.size() ? blankToNull(SpreadsheetText.restored(record.get(column))) : null);
                }
                add(lines, (int) parser.getCurrentLineNumber(), cells);
            }
            return new Table(headers == null ? List.of() : headers, lines);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException malformed) {
            // An unclosed quote, a quote inside an unquoted cell: Commons CSV stops there.
            throw new SheetException("format");
        }
    }

    private static void add(List<Line> lines, int number, List<Object> cells) {
        if (cells.stream().allMatch(cell -> cell == null)) {
            return;
        }
        if (lines.size() == MAX_ROWS) {
            throw new SheetException("too-many-rows", MAX_ROWS);
        }
        lines.add(new Line(number, cells));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void trimEmptyTail(List<String> headers) {
        while (!headers.isEmpty() && headers.getLast().isEmpty()) {
            headers.removeLast();
        }
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int index = 0; index < prefix.length; index++) {
            if (bytes[index] != prefix[index]) {
                return false;
            }
        }
        return true;
    }

    private SheetReader() {
    }
}
