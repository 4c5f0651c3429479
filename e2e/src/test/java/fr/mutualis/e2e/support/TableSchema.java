package fr.mutualis.e2e.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The field rules of a Table Schema (frictionlessdata specification, the form in which schema.data.gouv.fr publishes
 * the SCDL schemas), read from a file, and the check of a CSV file against them: the header names the fields in the
 * schema's order, and every cell obeys its field's type, {@code format} and constraints ({@code required},
 * {@code enum}, {@code pattern}, {@code minLength}, {@code maxLength}); a cell among {@code missingValues} is a missing
 * value. Only what the SCDL schemas use is read; a schema using anything else is refused rather than half-checked.
 */
public final class TableSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "year", "date");
    private static final Set<String> CONSTRAINTS = Set.of("required", "enum", "pattern", "minLength", "maxLength");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final List<JsonNode> fields;
    private final Set<String> missingValues;

    private TableSchema(JsonNode schema) {
        this.fields = StreamSupport.stream(schema.get("fields").spliterator(), false).toList();
        this.missingValues = Set.copyOf(StreamSupport.stream(schema.get("missingValues").spliterator(), false)
                .map(JsonNode::asString).toList());
        for (JsonNode field : fields) {
            String type = field.get("type").asString();
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("Type " + type + " of " + field.get("name") + " is not checked here");
            }
            if (field.has("format") && !field.get("format").asString().equals("uri")) {
                throw new IllegalArgumentException("Format " + field.get("format") + " is not checked here");
            }
            if (field.has("constraints")) {
                field.get("constraints").propertyNames().forEach(constraint -> {
                    if (!CONSTRAINTS.contains(constraint)) {
                        throw new IllegalArgumentException("Constraint " + constraint + " is not checked here");
                    }
                });
            }
        }
    }

    /** The schema of a test resource, e.g. {@code /scdl/budget-0.8.3.schema.json}. */
    public static TableSchema resource(String path) {
        try (InputStream in = TableSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path);
            }
            return new TableSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> fieldNames() {
        return fields.stream().map(field -> field.get("name").asString()).toList();
    }

    /** Every rule {@code csv} breaks, one line each naming the row and the field; empty when it conforms. */
    public List<String> violations(String csv) {
        List<String> violations = new ArrayList<>();
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return List.of("not RFC 4180 CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return List.of("no header");
        }
        List<String> header = records.getFirst().toList();
        if (!header.equals(fieldNames())) {
            violations.add("header " + header + " is not the schema's fields in order " + fieldNames());
            return violations;
        }
        for (int row = 1; row < records.size(); row++) {
            CSVRecord record = records.get(row);
            if (record.size() != fields.size()) {
                violations.add("row " + row + ": " + record.size() + " cells for " + fields.size() + " fields");
                continue;
            }
            for (int column = 0; column < fields.size(); column++) {
                String problem = problem(fields.get(column), record.get(column));
                if (problem != null) {
                    violations.add("row " + row + ", " + fields.get(column).get("name").asString() + " = '"
                            + record.get(column) + "': " + problem);
                }
            }
        }
        return violations;
    }

    private String problem(JsonNode field, String cell) {
        JsonNode constraints = field.has("constraints") ? field.get("constraints") : JSON.createObjectNode();
        if (missingValues.contains(cell)) {
            return constraints.path("required").asBoolean(false) ? "required, missing" : null;
        }
        String typeProblem = switch (field.get("type").asString()) {
            case "number" -> NUMBER.matcher(cell).matches() ? null : "not a number";
            case "integer" -> INTEGER.matcher(cell).matches() ? null : "not an integer";
            case "year" -> YEAR.matcher(cell).matches() ? null : "not a year";
            case "date" -> isoDate(cell) ? null : "not an ISO-8601 date";
            default -> null;
        };
        if (typeProblem != null) {
            return typeProblem;
        }
        if (field.has("format") && !absoluteUri(cell)) {
            return "not an absolute URI";
        }
        if (constraints.has("enum") && StreamSupport.stream(constraints.get("enum").spliterator(), false)
                .noneMatch(value -> value.asString().equals(cell))) {
            return "not one of " + constraints.get("enum");
        }
        // Table Schema patterns match the whole value (XML Schema regular expressions are anchored).
        if (constraints.has("pattern") && !Pattern.compile(constraints.get("pattern").asString()).matcher(cell).matches()) {
            return "does not match " + constraints.get("pattern").asString();
        }
        int length = cell.codePointCount(0, cell.length());
        if (constraints.has("minLength") && length < constraints.get("minLength").asInt()) {
            return "shorter than " + constraints.get("minLength");
        }
        if (constraints.has("maxLength") && length > constraints.get("maxLength").asInt()) {
            return "longer than " + constraints.get("maxLength");
        }
        return null;
    }

    private static boolean isoDate(String cell) {
        try {
            LocalDate.parse(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean absoluteUri(String cell) {
        try {
            return new URI(cell).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
