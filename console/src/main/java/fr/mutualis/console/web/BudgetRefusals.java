package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.ApiResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * A refused budget form shown again with each refusal next to its field, in French. The budget's business rules and
 * state conflicts (credits exceeded, stage order, closed by its CA, transfer ceiling…) answer 409 or 422, worded in
 * French by the API, and mostly without a field: they are told next to the field the person acts on. Validation
 * messages (400) keep their fields, with the vote's one line ({@code lines[0].creditsCents}) named as the form's
 * field.
 */
@Component
class BudgetRefusals {

    private final MessageSource messages;

    BudgetRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * {@code form} names the refused form among those of the page; {@code field} is where a refusal naming no field
     * is shown.
     */
    String show(Model model, HttpServletResponse response, ApiResult result, String form, String field, String view) {
        ApiProblem problem = result.problem();
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        problem.errors().forEach(error -> errors.add(new ApiProblem.FieldProblem(formField(error.field()),
                error.message())));
        if (errors.isEmpty()) {
            errors.add(new ApiProblem.FieldProblem(field, problem.sentence(messages)));
        }
        model.addAttribute("refusedForm", form);
        ApiProblem shown = new ApiProblem(problem.status(), problem.type(), problem.title(), problem.detail(), errors);
        return PortfolioController.refused(model, response, new ApiResult(null, shown), view);
    }

    private static String formField(String apiField) {
        return apiField.startsWith("lines[0].") ? apiField.substring("lines[0].".length()) : apiField;
    }
}
