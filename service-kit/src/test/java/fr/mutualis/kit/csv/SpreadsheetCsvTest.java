package fr.mutualis.kit.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text a spreadsheet would run is made inert, numbers and missing values are left alone, and the file reads back. */
class SpreadsheetCsvTest {

    @Test
    void numbersStayUnquotedNumbersEvenNegativeTextIsQuotedAndMissingValuesAreEmpty() {
        String csv = SpreadsheetCsv.write(List.of("LABEL", "AMOUNT", "COUNT", "EMPTY", "DATE"), List.of(
                Arrays.asList("=HYPERLINK(\"http://x\")", new BigDecimal("-12.50"), -3, null, LocalDate.of(2026, 3, 16)),
                Arrays.asList("Crédits, SIG et \"cloud\"", new BigDecimal("0.00"), 0, null, null),
                Arrays.asList("ligne 1\r\nligne 2", BigDecimal.valueOf(123_456_789_01L, 2), 7, "", "-1")));

        assertThat(csv).isEqualTo("LABEL,AMOUNT,COUNT,EMPTY,DATE\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",-12.50,-3,,\"2026-03-16\"\r\n"
                + "\"Crédits, SIG et \"\"cloud\"\"\",0.00,0,,\r\n"
                + "\"ligne 1\r\nligne 2\",123456789.01,7,\"\",\"'-1\"\r\n");
    }

    @Test
    void theFileReadsBackCellByCellWithTheFormulaInert() throws IOException {
        String csv = SpreadsheetCsv.write(List.of("A", "B", "C"), List.of(
                Arrays.asList("@SUM(1+1)", new BigDecimal("-0.01"), "\ttab"),
                Arrays.asList("\r\ncr", null, "a,b")));

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList()).containsExactly("'@SUM(1+1)", "-0.01", "'\ttab");
        assertThat(records.get(1).toList()).containsExactly("'\r\ncr", "", "a,b");
    }

    @Test
    void aRowOfTheWrongWidthIsAProgrammingError() {
        assertThatThrownBy(() -> SpreadsheetCsv.write(List.of("A", "B"), List.of(List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
