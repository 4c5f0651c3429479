package fr.mutualis.console.web;

import fr.mutualis.console.TestMessages;
import fr.mutualis.console.sheet.SheetReader;
import fr.mutualis.console.sheet.SheetTable;
import fr.mutualis.console.sheet.SheetWriter;
import fr.mutualis.console.sheet.Sheets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of a list read back: with POI and Commons CSV as a spreadsheet would (typed cells, French formats), and
 * through the import, which must give back the API's request of every imported column.
 */
class SheetRoundTripTest {

    private final Sheets sheets = new Sheets(TestMessages.french());

    @Test
    void exportedProjectsImportBackAsTheirRequestsFromXlsxAndCsv() {
        List<Map<String, Object>> projects = List.of(project("=Portail; \"open\" data\nphase 2", 123_456_789L,
                Map.of("strategicAlignment", 4, "userValue", 5, "agentValue", 3, "legalObligation", 0,
                        "feasibility", 4, "risk", 1)), project("Guichet unique", 0L, null));
        SheetTable table = sheets.table("Projets", SheetLayouts.PROJECTS, projects);

        for (var file : Map.of("projets.xlsx", SheetWriter.xlsx(table), "projets.csv", SheetWriter.csv(table)).entrySet()) {
            List<Sheets.ImportRow> rows = sheets.rows(SheetLayouts.PROJECTS, SheetReader.read(file.getKey(), file.getValue()));
            assertThat(rows).as(file.getKey()).hasSize(2);
            assertThat(rows.getFirst().unreadable()).as(file.getKey()).isEmpty();
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("title", "=Portail; \"open\" data\nphase 2");
            expected.put("description", "Publier les jeux de données");
            expected.put("axis", "OPEN_DATA");
            expected.put("theme", "USER_SERVICES");
            expected.put("sponsor", "Adjointe au numérique");
            expected.put("manager", "DSI");
            expected.put("plannedStart", "2026-03-01");
            expected.put("plannedEnd", "2026-12-31");
            expected.put("estimatedInvestmentCents", 123_456_789L);
            expected.put("estimatedOperatingCents", 1_200_050L);
            expected.put("scores", Map.of("strategicAlignment", 4L, "userValue", 5L, "agentValue", 3L,
                    "legalObligation", 0L, "feasibility", 4L, "risk", 1L));
            assertThat(rows.getFirst().body()).as(file.getKey()).isEqualTo(expected);
            assertThat(rows.get(1).body()).as(file.getKey()).doesNotContainKey("scores")
                    .containsEntry("estimatedInvestmentCents", 0L);
        }
    }

    @Test
    void theXlsxHasTypedCellsInFrenchFormatsUnderABoldFrozenHeader() throws Exception {
        SheetTable table = sheets.table("Projets", SheetLayouts.PROJECTS, List.of(project("Portail", 123_456_789L, null)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(SheetWriter.xlsx(table)))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Titre");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Investissement estimé");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Données ouvertes (open data)");
            assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(1_234_567.89);
            assertThat(row.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00\\ \"€\"");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
            assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(13));
        }
    }

    @Test
    void theCsvIsSemicolonSeparatedUtf8WithABomDecimalCommasAndFrenchDates() throws Exception {
        SheetTable table = sheets.table("Projets", SheetLayouts.PROJECTS,
                List.of(project("=HYPERLINK(\"x\")", 123_456_789L, null)));
        byte[] csv = SheetWriter.csv(table);
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertThat(records.getFirst().get(0)).isEqualTo("Titre");
        CSVRecord row = records.get(1);
        assertThat(row.get(0)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get(6)).isEqualTo("01/03/2026");
        assertThat(row.get(8)).isEqualTo("1234567,89");
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\r\n");
    }

    private static Map<String, Object> project(String title, long investmentCents, Map<String, Object> scores) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("title", title);
        project.put("description", "Publier les jeux de données");
        project.put("axis", "OPEN_DATA");
        project.put("theme", "USER_SERVICES");
        project.put("sponsor", "Adjointe au numérique");
        project.put("manager", "DSI");
        project.put("plannedStart", "2026-03-01");
        project.put("plannedEnd", "2026-12-31");
        project.put("estimatedInvestmentCents", investmentCents);
        project.put("estimatedOperatingCents", 1_200_050);
        project.put("status", scores == null ? "PROPOSED" : "ASSESSED");
        project.put("priority", scores == null ? null : 3.75);
        project.put("scores", scores);
        return project;
    }
}
