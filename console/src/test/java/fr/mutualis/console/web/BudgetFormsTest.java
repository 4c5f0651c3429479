package fr.mutualis.console.web;

import fr.mutualis.console.web.BudgetForms.ProgrammeForm;
import fr.mutualis.console.web.BudgetForms.VoteForm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget forms send the API's JSON, and the API's {@code schedule[i]} names the i-th row the person sees. */
class BudgetFormsTest {

    @Test
    void blankScheduleRowsAreLeftOutAndMovedLastSoThatIndexesMatchTheRowsShown() {
        ProgrammeForm form = new ProgrammeForm("AP", "21", "300 000", List.of("", "2030", "", "2031", ""),
                List.of("", "100 000", "", "abc", ""), null, null);

        assertThat(form.scheduleYear()).containsExactly("2030", "2031", "", "", "");
        assertThat(form.scheduleAmountCents()).containsExactly("100 000", "abc", "", "", "");
        assertThat(form.createJson().get("schedule")).isEqualTo(List.of(
                Map.of("year", 2030L, "amountCents", 10_000_000L),
                Map.of("year", 2031L, "amountCents", "abc")));
        assertThat(form.createJson().get("amountCents")).isEqualTo(30_000_000L);
    }

    @Test
    void aRevisionStartsFromTheCurrentAmountAndScheduleAsAPersonTypesThem() {
        ProgrammeForm form = ProgrammeForm.revising(Map.of("amountCents", 30_000_050L, "schedule", List.of(
                Map.of("year", 2030, "cpCents", 10_000_050L), Map.of("year", 2031, "cpCents", 20_000_000L))));

        assertThat(form.amountCents()).isEqualTo("300000,50");
        assertThat(form.scheduleYear()).startsWith("2030", "2031");
        assertThat(form.scheduleAmountCents()).startsWith("100000,50", "200000,00");
        assertThat(form.rows()).hasSize(BudgetForms.SCHEDULE_ROWS);
    }

    @Test
    void aVoteSendsTheLinesCreditsInCentsForItsFiscalYear() {
        Map<String, Object> body = new VoteForm("DM", "12 000,50").json(2030, "line-1");

        assertThat(body).isEqualTo(Map.of("fiscalYear", 2030, "stage", "DM",
                "lines", List.of(Map.of("lineId", "line-1", "creditsCents", 1_200_050L))));
    }
}
