package fr.mutualis.e2e.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.testsupport.TestHttp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spreadsheets in a real browser (issue 21, item 4), for Saint-Aubin's agent in a roadmap and a fiscal year of its
 * own: an XLSX of projects with good and bad rows is previewed (every refused row named with its column), nothing is
 * written until confirmed, then created; imported again it creates nothing. The list's export is downloaded and read
 * back with POI and Commons CSV; a CSV of budget lines goes through the same flow; axe-core finds nothing serious.
 */
@ExtendWith(Platform.class)
class SheetPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.patient();

    private static final String USER = "staubin-agent";
    /** A year no other test uses, so that the lines imported here are the year's only ones. */
    private static final int YEAR = 2031;

    private static LocalStack stack;
    private static TestHttp gateway;
    private static String console;
    private static String marker;
    private static String roadmapId;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        gateway = Platform.gateway();
        console = stack.consoleUrl();
        marker = "S" + UUID.randomUUID().toString().substring(0, 6);
        roadmapId = ConsolePages.created(() -> gateway.post("/api/portfolio/roadmaps", """
                {"title": "Feuille de route %s", "startYear": 2026, "endYear": 2028,
                 "axes": ["DEMATERIALISATION", "OPEN_DATA"]}""".formatted(marker), stack.token(USER), null));
    }

    @Test
    void projectsAreImportedFromAnXlsxAfterAPreviewThenExportedAndReadBack() throws Exception {
        byte[] file = projectsXlsx();
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, USER);
            page.navigate(console + "projets/import");
            assertThat(ConsolePages.screenshotAndAxe(page, "import-projets")).isEmpty();
            page.locator("#roadmapId").selectOption(roadmapId);
            page.locator("#fichier").setInputFiles(new FilePayload("projets.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
            ConsolePages.submit(page, "form.formulaire button[type=submit]");

            var rows = page.locator("#lignes-import tbody tr");
            assertThat(rows).hasCount(4);
            assertThat(rows.nth(0)).containsText("Accepté");
            assertThat(rows.nth(1)).containsText("Accepté");
            assertThat(rows.nth(2)).containsText("Refusé");
            assertThat(rows.nth(2)).containsText("Fin prévue : « 31/02/2026 » n'est pas une date");
            assertThat(rows.nth(3)).containsText("Refusé");
            assertThat(rows.nth(3)).containsText("Titre : ");
            assertThat(ConsolePages.screenshotAndAxe(page, "import-projets-apercu")).isEmpty();
            assertThat(projectsOfTheRoadmap()).isZero();

            ConsolePages.submit(page, "section.contenu form button[type=submit]");
            assertThat(page.locator("[role=status]")).hasText("2 créées, 2 refusées, 0 déjà importées.");
            assertThat(projectsOfTheRoadmap()).isEqualTo(2);
            await().atMost(ConsolePages.PATIENCE).until(() -> gateway.get("/api/portfolio/projects?status=ASSESSED&roadmapId="
                    + roadmapId, stack.token(USER), null).json().get("total").asLong() == 1);

            // The same file again: its rows are known by their content, nothing is created twice.
            page.navigate(console + "projets/import");
            page.locator("#roadmapId").selectOption(roadmapId);
            page.locator("#fichier").setInputFiles(new FilePayload("projets.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
            ConsolePages.submit(page, "form.formulaire button[type=submit]");
            assertThat(rows.nth(0)).containsText("Déjà importé");
            assertThat(rows.nth(1)).containsText("Déjà importé");
            assertThat(page.getByText("Confirmer l'import")).hasCount(0);
            assertThat(projectsOfTheRoadmap()).isEqualTo(2);

            page.navigate(console + "projets?roadmapId=" + roadmapId);
            Download xlsx = page.waitForDownload(() -> page.getByTitle("Exporter la liste au format XLSX (tableur)").click());
            assertThat(xlsx.suggestedFilename()).matches("projets-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
            try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Titre");
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
                assertThat(List.of(sheet.getRow(1).getCell(0).getStringCellValue(), sheet.getRow(2).getCell(0).getStringCellValue()))
                        .containsExactlyInAnyOrder("Portail open data " + marker, "Guichet unique " + marker);
                Row portal = sheet.getRow(1).getCell(0).getStringCellValue().startsWith("Portail") ? sheet.getRow(1) : sheet.getRow(2);
                assertThat(portal.getCell(8).getNumericCellValue()).isEqualTo(12_500.5);
            }
            Download csv = page.waitForDownload(() -> page.getByTitle("Exporter la liste au format CSV").click());
            assertThat(csv.suggestedFilename()).matches("projets-\\d{4}-\\d{2}-\\d{2}\\.csv");
            String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFTitre;");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').get()
                    .parse(new StringReader(text.substring(1))).getRecords();
            assertThat(records).hasSize(3);
            assertThat(records.stream().map(record -> record.get(8))).contains("12500,50");
        }
    }

    @Test
    void budgetLinesAreImportedFromACsvWithTheApisRefusalsInFrench() {
        String csv = """
                Exercice;Section;Chapitre;Libellé;Prévu
                %1$d;Investissement;20;Logiciels %2$s;"1 000,00"
                %1$d;Investissement;012;Personnel %2$s;500
                """.formatted(YEAR, marker);
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, USER);
            page.navigate(console + "budget/lignes/import");
            page.locator("#fichier").setInputFiles(new FilePayload("lignes.csv", "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
            ConsolePages.submit(page, "form.formulaire button[type=submit]");
            var rows = page.locator("#lignes-import tbody tr");
            assertThat(rows.nth(0)).containsText("Accepté");
            assertThat(rows.nth(1)).containsText("Refusé");
            assertThat(rows.nth(1)).containsText("Ce chapitre n'appartient pas à la section choisie");

            Response confirmed = ConsolePages.submit(page, "section.contenu form button[type=submit]");
            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(page.locator("[role=status]")).hasText("1 créées, 1 refusées, 0 déjà importées.");
            JsonNode lines = gateway.get("/api/budget/lines?fiscalYear=" + YEAR, stack.token(USER), null).json();
            assertThat(lines.get("total").asLong()).isEqualTo(1);
            assertThat(lines.get("items").get(0).get("plannedCents").asLong()).isEqualTo(100_000);

            // A file that is no spreadsheet is refused next to the file field, in French.
            page.navigate(console + "budget/lignes/import");
            page.locator("#fichier").setInputFiles(new FilePayload("photo.png", "image/png", new byte[]{1, 2, 3}));
            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-fichier")).hasText("Ce fichier n'est ni un classeur XLSX ni un fichier CSV lisible.");
            assertThat(page.locator("#fichier")).hasAttribute("aria-describedby", "erreur-fichier");
            assertThat(ConsolePages.screenshotAndAxe(page, "import-lignes-refus")).isEmpty();
        }
    }

    private static long projectsOfTheRoadmap() {
        return gateway.get("/api/portfolio/projects?roadmapId=" + roadmapId, stack.token(USER), null).json()
                .get("total").asLong();
    }

    /** The export's columns, as a person would fill them: two good rows (one assessed), two refused ones. */
    private static byte[] projectsXlsx() throws Exception {
        List<String> headers = List.of("Titre", "Description", "Axe", "Thème", "Commanditaire", "Chef de projet",
                "Début prévu", "Fin prévue", "Investissement estimé", "Fonctionnement estimé (par an)", "Statut",
                "Alignement stratégique", "Valeur pour les usagers", "Valeur pour les agents", "Obligation légale",
                "Faisabilité", "Risque");
        List<List<Object>> rows = List.of(
                List.of("Portail open data " + marker, "Publier les données", "Données ouvertes (open data)",
                        "Services aux usagers", "Maire", "DSI", "01/03/2026", "31/12/2026", "12 500,50", 1200, "Proposé",
                        4, 5, 3, 1, 4, 2),
                List.of("Guichet unique " + marker, "", "DEMATERIALISATION", "Services métiers", "", "", "2026-04-01",
                        "2027-06-30", 30000, "0", "", "", "", "", "", "", ""),
                List.of("Date impossible " + marker, "", "Dématérialisation", "Services métiers", "", "", "01/03/2026",
                        "31/02/2026", 100, 0, "", "", "", "", "", "", ""),
                List.of("", "Sans titre", "Dématérialisation", "Services métiers", "", "", "01/03/2026",
                        "31/12/2026", 100, 0, "", "", "", "", "", "", ""));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Projets");
            Row header = sheet.createRow(0);
            for (int column = 0; column < headers.size(); column++) {
                header.createCell(column).setCellValue(headers.get(column));
            }
            for (int index = 0; index < rows.size(); index++) {
                Row row = sheet.createRow(index + 1);
                List<Object> values = rows.get(index);
                for (int column = 0; column < values.size(); column++) {
                    Object value = values.get(column);
                    if (value instanceof Number number) {
                        row.createCell(column).setCellValue(number.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(column).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
