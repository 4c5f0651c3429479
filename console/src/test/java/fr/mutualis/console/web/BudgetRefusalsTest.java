package fr.mutualis.console.web;

import fr.mutualis.console.TestMessages;
import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget's refusals come from the API worded in French and mostly without a field: the person reads the rule next
 * to the field they act on, with the API's status kept.
 */
class BudgetRefusalsTest {

    private static final String TYPE = "https://mutualis.fr/problems/";

    private final BudgetRefusals refusals = new BudgetRefusals(TestMessages.french());

    @Test
    void aBusinessRuleWithoutAFieldIsToldNextToTheFormsAmount() {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        String view = refusals.show(model, response, refused(422, "credits-exceeded",
                "Montant supérieur aux crédits disponibles de la ligne (crédits ouverts moins engagé).", List.of()),
                "engagement", "amountCents", "budget/line");

        assertThat(view).isEqualTo("budget/line");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(model.get("refusedForm")).isEqualTo("engagement");
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("amountCents",
                "Montant supérieur aux crédits disponibles de la ligne (crédits ouverts moins engagé)."));
    }

    @Test
    void validationMessagesKeepTheirFieldsAndTheVotesOneLineIsTheFormsField() {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusals.show(model, response, refused(400, "invalid-input", "Invalid request", List.of(
                new ApiProblem.FieldProblem("lines[0].creditsCents", "doit être supérieur ou égal à 0"),
                new ApiProblem.FieldProblem("stage", "ne doit pas être nul"))), "vote", "stage", "budget/line");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("creditsCents", "doit être supérieur ou égal à 0",
                "stage", "ne doit pas être nul"));
    }

    @Test
    void aRefusalWithoutFrenchWordsIsToldWithTheConsolesSentenceForItsStatus() {
        ExtendedModelMap model = new ExtendedModelMap();

        // the platform client keeps no words the API did not give in French: no detail
        refusals.show(model, new MockHttpServletResponse(), refused(422, "some-new-rule", null, List.of()),
                "transfer", "amountCents", "budget/transfers");

        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("amountCents",
                "Une règle de gestion n'est pas respectée."));
    }

    private static ApiResult refused(int status, String code, String detail, List<ApiProblem.FieldProblem> errors) {
        return new ApiResult(null, new ApiProblem(status, TYPE + code, "Refused", detail, errors));
    }
}
