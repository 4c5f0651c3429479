package fr.mutualis.console.sheet;

import fr.mutualis.console.TestMessages;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the cells of an imported file the French way, and refusing the files that cannot be imported. */
class SheetsTest {

    private static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.imported("label", "budget.label", CellKind.TEXT),
            SheetColumn.imported("plannedCents", "budget.planned", CellKind.MONEY),
            SheetColumn.imported("date", "milestone.plannedDate", CellKind.DATE),
            SheetColumn.labels("section", "budget.section", "budget.section.", List.of("INVESTMENT", "OPERATING"), true),
            SheetColumn.shown("votedCents", "budget.voted", CellKind.MONEY));

    private final Sheets sheets = new Sheets(TestMessages.french());

    @Test
    void amountsAreReadWithFrenchGroupingAndDecimalComma() {
        assertThat(cents("1 234,56")).isEqualTo(123_456L);
        assertThat(cents("1\u00A0234,56 €")).isEqualTo(123_456L);
        assertThat(cents("1\u202F234\u202F567,8")).isEqualTo(123_456_780L);
        assertThat(cents("1234.5")).isEqualTo(123_450L);
        assertThat(cents("0")).isEqualTo(0L);
        assertThat(unreadable("12,345")).isEqualTo("« 12,345 » n'est pas un montant en euros (par exemple 1 234,56)");
        assertThat(unreadable("douze")).contains("douze");
        assertThat(unreadable("1.234,56")).contains("1.234,56");
    }

    @Test
    void datesAreReadAsDayMonthYearOrIso() {
        assertThat(row("Prévu;Date prévue\n1;31/03/2026\n").body()).containsEntry("date", "2026-03-31");
        assertThat(row("Prévu;Date prévue\n1;2026-03-31\n").body()).containsEntry("date", "2026-03-31");
        assertThat(row("Prévu;Date prévue\n1;31/02/2026\n").unreadable()).containsEntry("Date prévue",
                "« 31/02/2026 » n'est pas une date (par exemple 31/03/2026)");
        assertThat(row("Prévu;Date prévue\n1;3/3/26\n").unreadable()).containsKey("Date prévue");
    }

    @Test
    void labelsAreReadByTheirFrenchLabelOrTheirCodeAndShownColumnsAreIgnored() {
        assertThat(row("Section;Crédits ouverts\nfonctionnement;999\n").body()).isEqualTo(Map.of("section", "OPERATING"));
        assertThat(row("section\nINVESTMENT\n").body()).isEqualTo(Map.of("section", "INVESTMENT"));
        assertThat(row("Section\nFonctionement\n").unreadable().get("Section"))
                .isEqualTo("« Fonctionement » n'est pas une valeur attendue (Investissement ; Fonctionnement)");
    }

    @Test
    void aCommaSeparatedOrWindows1252CsvIsReadToo() {
        assertThat(row("Libellé,Prévu\n\"Logiciels, licences\",\"1 000,50\"\n").body())
                .isEqualTo(Map.of("label", "Logiciels, licences", "plannedCents", 100_050L));
        byte[] windows = "Libellé;Prévu\nRéseau;12\n".getBytes(Charset.forName("windows-1252"));
        assertThat(sheets.rows(COLUMNS, SheetReader.read("export.csv", windows)).getFirst().body())
                .isEqualTo(Map.of("label", "Réseau", "plannedCents", 1_200L));
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWithTheirReason() {
        assertRefused("vide.csv", new byte[0], "sheet.refused.empty");
        assertRefused("titres.csv", "Libellé;Prévu\n".getBytes(StandardCharsets.UTF_8), "sheet.refused.empty");
        assertRefused("image.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "sheet.refused.format");
        assertRefused("faux.xlsx", new byte[]{'P', 'K', 3, 4, 0, 0}, "sheet.refused.format");
        assertRefused("grand.csv", new byte[SheetReader.MAX_BYTES + 1], "sheet.refused.too-large");
        assertRefused("long.csv", ("Libellé\n" + "x\n".repeat(SheetReader.MAX_ROWS + 1)).getBytes(StandardCharsets.UTF_8),
                "sheet.refused.too-many-rows");
        assertRefused("guillemet.csv", "Libellé\n\"ouvert\n".getBytes(StandardCharsets.UTF_8), "sheet.refused.format");
        assertThatThrownBy(() -> row("Libellé;Couleur\nx;bleu\n")).isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).messageKey()).isEqualTo("sheet.refused.unknown-columns"))
                .satisfies(e -> assertThat(((SheetException) e).arguments()[0]).isEqualTo("Couleur"));
    }

    private long cents(String amount) {
        return (Long) row("Prévu\n\"" + amount + "\"\n").body().get("plannedCents");
    }

    private String unreadable(String cell) {
        return row("Prévu\n\"" + cell + "\"\n").unreadable().get("Prévu");
    }

    private Sheets.ImportRow row(String csv) {
        return sheets.rows(COLUMNS, SheetReader.read("lignes.csv", csv.getBytes(StandardCharsets.UTF_8))).getFirst();
    }

    private static void assertRefused(String name, byte[] bytes, String key) {
        assertThatThrownBy(() -> SheetReader.read(name, bytes)).isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).messageKey()).isEqualTo(key));
    }
}
