package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Uses Les Aulnes' fiscal year 2031, which no other test touches, so that totals are exact. */
class SummaryAndExportApiTest extends BudgetIntegrationTest {

    @Test
    void theSummaryTotalsEachSectionForTheCallersTenantOnly() {
        String software = votedLine(AULNES_AGENT, 2031, "INVESTMENT", "20", 30_000);
        String hardware = openLine(AULNES_AGENT, 2031, "INVESTMENT", "21", 5_000);
        String charges = votedLine(AULNES_AGENT, 2031, "OPERATING", "011", 8_000);
        String engagement = http.post("/api/budget/lines/" + software + "/engagements", spending(12_000, "BC", "2031-02-01"),
                AULNES_AGENT, null).json().get("id").asString();
        assertThat(http.post("/api/budget/engagements/" + engagement + "/mandates", spending(2_000, "M", "2031-03-01"),
                AULNES_AGENT, null).status()).isEqualTo(201);
        awaitLine(software, AULNES_AGENT, line -> line.get("mandatedCents").asLong() == 2_000);
        assertThat(hardware).isNotEqualTo(charges);

        var answer = http.get("/api/budget/summary?fiscalYear=2031", AULNES_AGENT, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode summary = answer.json();
        assertThat(summary.get("fiscalYear").asInt()).isEqualTo(2031);
        assertTotals(summary.get("investment"), 35_000, 30_000, 12_000, 2_000);
        assertTotals(summary.get("operating"), 8_000, 8_000, 0, 0);

        JsonNode other = http.get("/api/budget/summary?fiscalYear=2031", VALMONT_AGENT, null).json();
        assertTotals(other.get("investment"), 0, 0, 0, 0);
        assertTotals(other.get("operating"), 0, 0, 0, 0);
        assertBadRequest(http.get("/api/budget/summary", AULNES_AGENT, null), "fiscalYear");
        assertBadRequest(http.get("/api/budget/summary?fiscalYear=l-an-dernier", AULNES_AGENT, null), "fiscalYear");
        assertBadRequest(http.get("/api/budget/summary?fiscalYear=1999", AULNES_AGENT, null), "fiscalYear");
    }

    @Test
    void theScdlExportListsTheLinesVotedAtTheStage() {
        directoryHasTheDemoTerritory();
        String line = openLine(AULNES_AGENT, 2032, "INVESTMENT", "21", 10_000);
        vote(AULNES_AGENT, 2032, "BP", line, 10_000);
        vote(AULNES_AGENT, 2032, "DM", line, 12_500);
        vote(AULNES_AGENT, 2032, "DM", line, 13_000);
        String unvoted = openLine(AULNES_AGENT, 2032, "OPERATING", "011", 1_000);
        awaitLine(line, AULNES_AGENT, read -> read.get("credits").size() == 3);

        var bp = http.get("/api/budget/exports/scdl?fiscalYear=2032&stage=BP", AULNES_AGENT, null);
        assertThat(bp.status()).as(bp.toString()).isEqualTo(200);
        assertThat(bp.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<String> rows = bp.body().lines().toList();
        assertThat(rows.getFirst()).as("the columns of the published SCDL budget schema, in its order")
                .isEqualTo(String.join(",", publishedScdlBudgetColumns()));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isEqualTo("\"budget primitif\",2032,\"" + siret(AULNES) + "\",\"Les Aulnes\",\"21\","
                + "\"Immobilisations corporelles\",\"21\",\"Ligne 21\",,,,\"investissement\",\"réel\",\"dépense\",,0.00,,100.00,"
                + "100.00,100.00,,");

        List<String> dm = http.get("/api/budget/exports/scdl?fiscalYear=2032&stage=DM", AULNES_AGENT, null).body().lines().toList();
        assertThat(dm).hasSize(2);
        assertThat(dm.get(1)).startsWith("\"décision modificative\",2032,").contains(",\"investissement\",\"réel\",\"dépense\",,100.00,,30.00,130.00,130.00,,");
        assertThat(http.get("/api/budget/exports/scdl?fiscalYear=2032&stage=CA", AULNES_AGENT, null).body().lines()).hasSize(1);
        assertThat(http.get("/api/budget/exports/scdl?fiscalYear=2032&stage=BP", VALMONT_AGENT, null).body().lines()).hasSize(1);
        assertThat(bp.body()).doesNotContain("Ligne 011").doesNotContain(unvoted);

        assertBadRequest(http.get("/api/budget/exports/scdl?fiscalYear=2032&stage=BUDGET", AULNES_AGENT, null), "stage");
        assertBadRequest(http.get("/api/budget/exports/scdl?fiscalYear=2032", AULNES_AGENT, null), "stage");
    }

    /**
     * Both SCDL schemas require the SIRET of the collectivité's siège: a collectivité governance registered without one
     * (before the directory knew SIRETs), or not at all, cannot export its lines rather than publish a SIREN or an
     * invented NIC; with no line to publish, the header alone breaks no rule.
     */
    @Test
    void aCollectiviteWithoutSiretCannotExportItsLines() {
        String registeredWithout = fr.mutualis.contracts.Sirens.completing("21%06d".formatted(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
        publishGovernance(registeredWithout, registeredWithout, new fr.mutualis.contracts.governance.CollectiviteRegistered(
                registeredWithout, "Ancienne", "COMMUNE", 700, null));
        String agent = ISSUER.token("ancienne-agent", List.of(registeredWithout), List.of("AGENT"));
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM collectivite WHERE siren = :siren")
                .param("siren", registeredWithout).query(Long.class).single() == 1);
        assertThat(http.get("/api/budget/exports/scdl?fiscalYear=2037&stage=BP", agent, null).body().lines()).hasSize(1);
        String line = openLine(agent, 2037, "OPERATING", "011", 1_000);
        vote(agent, 2037, "BP", line, 1_000);
        awaitLine(line, agent, read -> read.get("credits").size() == 1);

        var refused = http.get("/api/budget/exports/scdl?fiscalYear=2037&stage=BP", agent, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString())).containsExactly("siret");
        assertThat(refused.json().get("detail").asString()).contains(registeredWithout);
    }

    /** Labels a spreadsheet would run as formulas are exported inert; amounts, negative ones too, stay numbers. */
    @Test
    void formulasInLabelsAreExportedInertAndAmountsStayNumbers() throws java.io.IOException {
        directoryHasTheDemoTerritory();
        int year = 2036;
        List<String> labels = List.of("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)");
        List<String> chapters = List.of("20", "21", "23");
        for (int i = 0; i < labels.size(); i++) {
            var created = http.post("/api/budget/lines", """
                    {"fiscalYear": %d, "section": "INVESTMENT", "chapter": "%s", "label": %s, "plannedCents": 10000}"""
                    .formatted(year, chapters.get(i), JSON.writeValueAsString(labels.get(i))), AULNES_AGENT, null);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String line = created.json().get("id").asString();
            vote(AULNES_AGENT, year, "BP", line, 10_000);
            vote(AULNES_AGENT, year, "DM", line, 8_000);
            awaitLine(line, AULNES_AGENT, read -> read.get("credits").size() == 2);
        }

        var export = http.get("/api/budget/exports/scdl?fiscalYear=" + year + "&stage=DM", AULNES_AGENT, null);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(export.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("BGT_NATURE_LABEL"))
                .containsExactlyInAnyOrder("'=HYPERLINK(\"http://x\")", "'+1+cmd|' /C calc'!A0", "'@SUM(1+1)");
        assertThat(rows).extracting(row -> row.get("BGT_MTPROPNOUV")).containsOnly("-20.00");
        assertThat(export.body()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains(",-20.00,80.00,80.00,,")
                .doesNotContain(",=", ",+", ",@");
    }

    private static void assertTotals(JsonNode totals, long planned, long voted, long engaged, long mandated) {
        assertThat(totals.get("plannedCents").asLong()).isEqualTo(planned);
        assertThat(totals.get("votedCents").asLong()).isEqualTo(voted);
        assertThat(totals.get("engagedCents").asLong()).isEqualTo(engaged);
        assertThat(totals.get("mandatedCents").asLong()).isEqualTo(mandated);
    }

    /**
     * The field names of the SCDL budget schema as schema.data.gouv.fr publishes it (Table Schema 0.8.3, copied from
     * ../shared/reference/scdl): the export is checked against the standard, not against its own constant.
     */
    private static List<String> publishedScdlBudgetColumns() {
        try (var schema = SummaryAndExportApiTest.class.getResourceAsStream("/scdl/budget-0.8.3.schema.json")) {
            List<String> names = new ArrayList<>();
            JsonMapper.builder().build().readTree(schema).get("fields")
                    .forEach(field -> names.add(field.get("name").asString()));
            assertThat(names).as("fields of the published schema").isNotEmpty();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
