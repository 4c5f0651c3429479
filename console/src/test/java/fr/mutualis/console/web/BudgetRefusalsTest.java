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
 * The budget's refusals come from the API in its own words and mostly without a field: the person reads the rule in
 * French next to the field they act on, with the API's status kept.
 */
class BudgetRefusalsTest {

    private static final String TYPE = "https://mutualis.fr/problems/";

    private final BudgetRefusals refusals = new BudgetRefusals(TestMessages.french());

    @Test
    void aBusinessRuleWithoutAFieldIsToldInFrenchNextToTheFormsAmount() {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        String view = refusals.show(model, response, refused(422, "credits-exceeded",
                "Engaging 15000000 cents would exceed the voted credits", List.of()), "engagement", "amountCents",
                null, "budget/line");

        assertThat(view).isEqualTo("budget/line");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(model.get("refusedForm")).isEqualTo("engagement");
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("amountCents",
                "Montant supérieur aux crédits disponibles de la ligne (crédits ouverts moins engagé)."));
    }

    @Test
    void theRuleThePageKnowsReplacesTheApisGenericConflict() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.show(model, new MockHttpServletResponse(), refused(409, "state-conflict",
                "Line is closed by its CA", List.of()), "engagement", "amountCents", "closed-by-ca", "budget/line");

        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("amountCents",
                "La ligne est close par son compte administratif : plus aucun vote, engagement ni mandat."));
    }

    @Test
    void validationMessagesKeepTheirFieldsAndTheVotesOneLineIsTheFormsField() {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        refusals.show(model, response, refused(400, "invalid-input", "Invalid request", List.of(
                new ApiProblem.FieldProblem("lines[0].creditsCents", "doit être supérieur ou égal à 0"),
                new ApiProblem.FieldProblem("stage", "ne doit pas être nul"))), "vote", "stage", null, "budget/line");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("creditsCents", "doit être supérieur ou égal à 0",
                "stage", "ne doit pas être nul"));
    }

    @Test
    void aRuleTheConsoleDoesNotKnowStillShowsNextToTheFieldInFrench() {
        ExtendedModelMap model = new ExtendedModelMap();

        refusals.show(model, new MockHttpServletResponse(), refused(422, "some-new-rule", "Something new",
                List.of()), "transfer", "amountCents", null, "budget/transfers");

        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("amountCents",
                "Une règle de gestion n'est pas respectée."));
    }

    private static ApiResult refused(int status, String code, String detail, List<ApiProblem.FieldProblem> errors) {
        return new ApiResult(null, new ApiProblem(status, TYPE + code, "Refused", detail, errors));
    }
}
