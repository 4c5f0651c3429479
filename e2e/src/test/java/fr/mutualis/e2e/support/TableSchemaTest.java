package fr.mutualis.e2e.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker of the SCDL field rules catches what issue 16 found in the exports, so its silence means something. */
class TableSchemaTest {

    private static final TableSchema BUDGET = TableSchema.resource("/scdl/budget-0.8.3.schema.json");
    private static final TableSchema DELIBERATIONS = TableSchema.resource("/scdl/deliberations-2.1.5.schema.json");
    private static final String BUDGET_HEADER = String.join(",", BUDGET.fieldNames()) + "\r\n";
    private static final String DELIBERATIONS_HEADER = String.join(",", DELIBERATIONS.fieldNames()) + "\r\n";

    @Test
    void aBudgetRowWithTheSchemasValuesConforms() {
        assertThat(BUDGET.violations(BUDGET_HEADER + "\"budget primitif\",2032,\"21000004800012\",\"Les Aulnes\",\"21\","
                + "\"Immobilisations corporelles\",\"21\",\"Ligne 21\",,,,\"investissement\",\"réel\",\"dépense\",,0.00,,"
                + "100.00,100.00,100.00,,\r\n")).isEmpty();
    }

    /** The row the budget exported before: a SIREN for the SIRET, and codes where the schema wants words. */
    @Test
    void theBudgetRowOfIssue16BreaksFourRules() {
        assertThat(BUDGET.violations(BUDGET_HEADER + "\"budget primitif\",2032,\"210000048\",\"Les Aulnes\",\"21\","
                + "\"Immobilisations corporelles\",\"21\",\"Ligne 21\",,,,\"I\",\"0\",\"D\",,0.00,,100.00,100.00,100.00,,\r\n"))
                .hasSize(4)
                .anySatisfy(violation -> assertThat(violation).contains("BGT_SIRET"))
                .anySatisfy(violation -> assertThat(violation).contains("BGT_SECTION"))
                .anySatisfy(violation -> assertThat(violation).contains("BGT_OPBUDG"))
                .anySatisfy(violation -> assertThat(violation).contains("BGT_CODRD"));
    }

    @Test
    void theDeliberationRowOfIssue16BreaksTheSiretAndTheMatiere() {
        String row = "\"Valmont\",\"%s\",\"0b7f3c4e-1d2a-4e5f-9a8b-7c6d5e4f3a2b\",\"2026-03-16\",%s,\"Adoption\",,,,,5,4,4,0,0,\r\n";
        assertThat(DELIBERATIONS.violations(DELIBERATIONS_HEADER + row.formatted("21000002200017",
                "\"7.1\",\"Finances locales/Décisions budgétaires\""))).isEmpty();
        assertThat(DELIBERATIONS.violations(DELIBERATIONS_HEADER + row.formatted("210000022", ",")))
                .hasSize(3)
                .anySatisfy(violation -> assertThat(violation).contains("COLL_SIRET"))
                .anySatisfy(violation -> assertThat(violation).contains("DELIB_MATIERE_CODE"))
                .anySatisfy(violation -> assertThat(violation).contains("DELIB_MATIERE_NOM"));
    }

    @Test
    void aHeaderOtherThanTheSchemasFieldsInOrderIsRefused() {
        assertThat(BUDGET.violations("BGT_ANNEE,BGT_NATDEC\r\n")).singleElement().asString().startsWith("header");
    }
}
