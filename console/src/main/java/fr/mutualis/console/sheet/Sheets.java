package fr.mutualis.console.sheet;

import fr.mutualis.console.format.FrenchFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A list's columns both ways: the API's items as a {@link SheetTable} with the console's French labels, and the rows
 * of an uploaded file as the API's request bodies, with a French message for every cell that cannot be read.
 */
@Component
public class Sheets {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter STRICT_FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final MessageSource messages;

    public Sheets(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One row of an imported file: its line, the request body read from it (dotted fields nested:
     * {@code scores.risk} gives {@code {"scores": {"risk": ...}}}) and the cells that could not be read, by header.
     */
    public record ImportRow(int line, Map<String, Object> body, Map<String, String> unreadable) implements Serializable {
    }

    public String header(SheetColumn column) {
        return messages.getMessage(column.labelKey(), null, column.labelKey(), FRENCH);
    }

    /** The items of an API list as a table named {@code name}, one column per {@code columns}. */
    public SheetTable table(String name, List<SheetColumn> columns, List<Map<String, Object>> items) {
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            List<Object> row = new ArrayList<>(columns.size());
            for (SheetColumn column : columns) {
                row.add(cell(column, field(item, column.field())));
            }
            rows.add(row);
        }
        return new SheetTable(name, columns.stream().map(this::header).toList(),
                columns.stream().map(SheetColumn::kind).toList(), rows);
    }

    /**
     * The rows of {@code file} as request bodies of the {@code columns} it imports. Its headers must be the
     * export's (or the API's field names); columns shown only are ignored; any other refuses the file.
     */
    public List<ImportRow> rows(List<SheetColumn> columns, SheetReader.Table file) {
        List<SheetColumn> byPosition = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String header : file.headers()) {
            Optional<SheetColumn> column = columns.stream()
                    .filter(candidate -> same(header, header(candidate)) || same(header, candidate.field())).findFirst();
            column.ifPresentOrElse(byPosition::add, () -> {
                unknown.add(header.isEmpty() ? "(sans titre)" : header);
                byPosition.add(null);
            });
        }
        if (!unknown.isEmpty()) {
            throw new SheetException("unknown-columns", String.join(", ", unknown),
                    String.join(", ", columns.stream().map(this::header).toList()));
        }
        List<ImportRow> rows = new ArrayList<>();
        for (SheetReader.Line line : file.lines()) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, String> unreadable = new LinkedHashMap<>();
            for (int index = 0; index < byPosition.size(); index++) {
                SheetColumn column = byPosition.get(index);
                Object cell = line.cells().get(index);
                if (!column.imported() || cell == null) {
                    continue;
                }
                try {
                    put(body, column.field(), read(column, cell));
                } catch (IllegalArgumentException e) {
                    unreadable.put(header(column), e.getMessage());
                }
            }
            rows.add(new ImportRow(line.number(), body, unreadable));
        }
        return rows;
    }

    /**
     * The {@code Idempotency-Key} of a request made from a file's row: derived from what the row asks (the whole
     * body, target included), so that importing the same row again creates nothing, and another row something.
     */
    public static String idempotencyKey(String collection, Map<String, Object> body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((collection + '\n' + canonical(body)).getBytes(StandardCharsets.UTF_8));
            return "import-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The header of the column that fills {@code field}, to name a refusal of the API in the person's terms. */
    public Optional<String> headerOf(List<SheetColumn> columns, String field) {
        return columns.stream().filter(column -> column.field().equals(field)).findFirst().map(this::header);
    }

    @SuppressWarnings("unchecked")
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((key, inner) -> sorted.put(key, canonical(inner)));
            return sorted.toString();
        }
        return String.valueOf(value);
    }

    private Object cell(SheetColumn column, Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = String.valueOf(value);
        return switch (column.kind()) {
            case TEXT -> text;
            case LABEL -> messages.getMessage(column.codePrefix() + text, null, text, FRENCH);
            case MONEY -> ((Number) value).longValue();
            case DATE -> LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            case NUMBER -> new BigDecimal(text);
            case INTEGER -> ((Number) value).longValue();
        };
    }

    private Object read(SheetColumn column, Object cell) {
        return switch (column.kind()) {
            case TEXT -> cell instanceof BigDecimal number ? plain(number) : String.valueOf(cell);
            case LABEL -> code(column, String.valueOf(cell));
            case MONEY -> cents(cell);
            case DATE -> date(cell);
            case NUMBER -> number(cell);
            case INTEGER -> integer(cell);
        };
    }

    private String code(SheetColumn column, String cell) {
        for (String code : column.codes()) {
            String label = messages.getMessage(column.codePrefix() + code, null, code, FRENCH);
            if (same(cell, code) || same(cell, label)) {
                return code;
            }
        }
        throw new IllegalArgumentException(messages.getMessage("sheet.cell.label", new Object[]{cell,
                String.join(" ; ", column.codes().stream()
                        .map(code -> messages.getMessage(column.codePrefix() + code, null, code, FRENCH)).toList())},
                FRENCH));
    }

    private long cents(Object cell) {
        Optional<Long> cents = cell instanceof BigDecimal number ? exactCents(number)
                : FrenchFormats.parseEuros(String.valueOf(cell));
        return cents.orElseThrow(() -> unreadable("sheet.cell.money", cell));
    }

    private static Optional<Long> exactCents(BigDecimal euros) {
        // A spreadsheet holds a binary double: 1234.56 comes back as 1234.56000000000005; ten digits are kept.
        BigDecimal rounded = euros.setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() > 2 ? Optional.empty() : Optional.of(rounded.movePointRight(2).longValueExact());
    }

    private String date(Object cell) {
        if (cell instanceof LocalDate date) {
            return date.toString();
        }
        String text = String.valueOf(cell).strip();
        try {
            return (text.contains("/") ? LocalDate.parse(text, STRICT_FRENCH_DATE) : LocalDate.parse(text)).toString();
        } catch (DateTimeParseException e) {
            throw unreadable("sheet.cell.date", cell);
        }
    }

    private BigDecimal number(Object cell) {
        if (cell instanceof BigDecimal number) {
            return number.setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        String text = String.valueOf(cell).replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw unreadable("sheet.cell.number", cell);
        }
    }

    private long integer(Object cell) {
        try {
            return number(cell).longValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw unreadable("sheet.cell.integer", cell);
        }
    }

    private IllegalArgumentException unreadable(String key, Object cell) {
        return new IllegalArgumentException(messages.getMessage(key, new Object[]{String.valueOf(cell)}, FRENCH));
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> item, String path) {
        Object value = item;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(part);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.put(path, value);
            return;
        }
        Map<String, Object> inner = (Map<String, Object>) body.computeIfAbsent(path.substring(0, dot),
                key -> new LinkedHashMap<String, Object>());
        put(inner, path.substring(dot + 1), value);
    }

    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F]+", " ").strip().toLowerCase(FRENCH);
    }
}
