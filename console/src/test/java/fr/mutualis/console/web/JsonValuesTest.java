package fr.mutualis.console.web;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console converts what it can and sends the rest as typed, so that the API names the refused field. */
class JsonValuesTest {

    @Test
    void numbersAreSentAsNumbersAndAnythingElseAsTyped() {
        assertThat(JsonValues.integer("2027")).isEqualTo(2027L);
        assertThat(JsonValues.integer("deux mille")).isEqualTo("deux mille");
        assertThat(JsonValues.integer("  ")).isNull();
    }

    @Test
    void eurosBecomeCentsOrStayAsTyped() {
        assertThat(JsonValues.cents("12 000,50")).isEqualTo(1200050L);
        assertThat(JsonValues.cents("beaucoup")).isEqualTo("beaucoup");
        assertThat(JsonValues.cents("")).isNull();
    }

    @Test
    void blankChoicesAreLeftOut() {
        assertThat(JsonValues.list(Arrays.asList("OPEN_DATA", "", "SMART_CITY"))).containsExactly("OPEN_DATA", "SMART_CITY");
        assertThat(JsonValues.list(null)).isEqualTo(List.of());
    }

    @Test
    void aRoadmapFormIsTheApisJson() {
        PortfolioForms.RoadmapForm form = new PortfolioForms.RoadmapForm("Feuille de route", "2027", "2029",
                List.of("OPEN_DATA"), "");

        assertThat(form.json()).containsEntry("title", "Feuille de route").containsEntry("startYear", 2027L)
                .containsEntry("endYear", 2029L).containsEntry("axes", List.of("OPEN_DATA"))
                .containsEntry("mutualisationId", null);
    }
}
