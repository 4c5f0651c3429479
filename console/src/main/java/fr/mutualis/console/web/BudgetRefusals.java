package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A refused budget form shown again with each refusal next to its field, in French. The budget's business rules
 * (credits exceeded, stage order, closed by CA, transfer ceiling…) answer 409 or 422 in the API's words and mostly
 * without a field: they are told with the console's own sentence for the rule ({@code budget.problem.<rule>}) next to
 * the field the person acts on. Validation messages (400) already come in French and keep their fields, with the
 * vote's one line ({@code lines[0].creditsCents}) named as the form's field.
 */
@Component
class BudgetRefusals {

    private static final Locale FRENCH = Locale.FRANCE;

    private final MessageSource messages;

    BudgetRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * {@code form} names the refused form among those of the page; {@code field} is where a refusal naming no field
     * is shown; {@code rule} replaces the problem's own code when the page knows better (a vote after the CA).
     */
    String show(Model model, HttpServletResponse response, ApiResult result, String form, String field, String rule,
                String view) {
        ApiProblem problem = result.problem();
        String code = rule != null ? rule : problem.code();
        String sentence = problem.status() == 400 ? null
                : messages.getMessage("budget.problem." + code, null, null, FRENCH);
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        problem.errors().forEach(error -> errors.add(new ApiProblem.FieldProblem(formField(error.field()),
                sentence != null ? sentence : error.message())));
        if (errors.isEmpty()) {
            errors.add(new ApiProblem.FieldProblem(field, sentence != null ? sentence
                    : messages.getMessage("problem.status." + problem.status(), null, problem.title(), FRENCH)));
        }
        model.addAttribute("refusedForm", form);
        ApiProblem french = new ApiProblem(problem.status(), problem.type(), problem.title(), problem.detail(), errors);
        return PortfolioController.refused(model, response, new ApiResult(null, french), view);
    }

    private static String formField(String apiField) {
        return apiField.startsWith("lines[0].") ? apiField.substring("lines[0].".length()) : apiField;
    }
}
