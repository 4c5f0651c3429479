package fr.mutualis.console.web;

import fr.mutualis.console.platform.ApiProblem;
import fr.mutualis.console.platform.PlatformException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which page a refusal of the platform gives a person, and with which status. */
class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aValueTheApiRefusesIsTheRequestsFaultWithItsFrenchWordsNotAnOutage() {
        ApiProblem refused = new ApiProblem(400, "invalid-input", "Invalid input",
                "La requête contient une valeur refusée.",
                List.of(new ApiProblem.FieldProblem("from", "la date doit être comprise entre le 01/01/1900 et le 31/12/2200"),
                        new ApiProblem.FieldProblem("to", "La requête contient une valeur refusée.")));

        ModelAndView page = pages.platformRefused(new PlatformException(refused), response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(page.getViewName()).isEqualTo("error/400");
        assertThat(page.getModel().get("refusals")).isEqualTo(List.of("La requête contient une valeur refusée.",
                "la date doit être comprise entre le 01/01/1900 et le 31/12/2200"));
    }

    @Test
    void aRefusalWithoutFrenchWordsStillHasItsPage() {
        ApiProblem refused = new ApiProblem(400, "invalid-input", "Invalid input", null, List.of());

        ModelAndView page = pages.platformRefused(new PlatformException(refused), response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(page.getModel().get("refusals")).isEqualTo(List.of());
    }

    @Test
    void unknownAndForbiddenHaveTheirPagesAndAnythingElseIsAnOutage() {
        assertThat(pages.platformRefused(new PlatformException(new ApiProblem(404, null, null, null, null)), response)
                .getViewName()).isEqualTo("error/404");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(pages.platformRefused(new PlatformException(new ApiProblem(403, null, null, null, null)), response)
                .getViewName()).isEqualTo("error/403");
        assertThat(pages.platformRefused(new PlatformException(new ApiProblem(503, null, null, null, null)), response)
                .getViewName()).isEqualTo("error/5xx");
        assertThat(response.getStatus()).isEqualTo(502);
    }
}
