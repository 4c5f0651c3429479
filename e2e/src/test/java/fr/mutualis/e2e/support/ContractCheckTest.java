package fr.mutualis.e2e.support;

import fr.mutualis.contracts.openapi.ApiDocuments;
import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link ContractCheck} lets through and what it refuses, on exchanges made up here (no platform needed): the
 * e2e tests rely on it failing on an undocumented status, member or media type.
 */
class ContractCheckTest {

    private static final String ROADMAP = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static ContractCheck check;

    @BeforeAll
    static void document() throws IOException {
        check = ContractCheck.of(Files.readString(CommittedApiDocument.file(ApiDocuments.AGGREGATED)));
    }

    @Test
    void aDocumentedCreationAndProblemPass() {
        String body = """
                {"title": "Feuille de route", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""";
        assertThatCode(() -> check.check(post("/api/portfolio/roadmaps", body), body,
                answer(201, "application/json", "{\"id\": \"" + ROADMAP + "\"}",
                        Map.of("Location", "/api/portfolio/roadmaps/" + ROADMAP)))).doesNotThrowAnyException();
        assertThatCode(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "", answer(404,
                "application/problem+json", """
                        {"type": "https://mutualis.fr/problems/not-found", "title": "Not found", "status": 404,
                         "detail": "No roadmap", "instance": "/api/portfolio/roadmaps/x"}""", Map.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "", answer(418,
                "application/problem+json", "{\"type\": \"about:blank\", \"title\": \"Teapot\", \"status\": 418}",
                Map.of()))).isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void aRoadmapWithAndWithoutItsNullableMembersPasses() {
        assertThatCode(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "",
                answer(200, "application/json", roadmap(WEIGHTS, ""), Map.of()))).doesNotThrowAnyException();
        assertThatCode(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "",
                answer(200, "application/json", roadmap("null", ""), Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedMemberFails() {
        assertThatThrownBy(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "", answer(200,
                "application/json", roadmap(WEIGHTS, ", \"undocumented\": true"), Map.of())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented");
    }

    @Test
    void aMissingRequiredMemberFails() {
        assertThatThrownBy(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "", answer(200,
                "application/json", roadmap(WEIGHTS, "").replace("\"version\": 3,", ""), Map.of())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("version");
    }

    @Test
    void anErrorThatIsNotAProblemFails() {
        assertThatThrownBy(() -> check.check(get("/api/portfolio/roadmaps/" + ROADMAP), "", answer(404,
                "text/html", "<html>Not found</html>", Map.of()))).isInstanceOf(AssertionError.class);
    }

    @Test
    void anInvalidRequestFailsUnlessOnlyAnswersAreChecked() {
        String body = "{\"title\": 12}";
        TestHttp.Response refused = answer(400, "application/problem+json",
                "{\"type\": \"https://mutualis.fr/problems/invalid-request\", \"title\": \"Invalid request\", "
                        + "\"status\": 400, \"errors\": [{\"field\": \"title\", \"message\": \"must be text\"}]}",
                Map.of());
        assertThatThrownBy(() -> check.check(post("/api/portfolio/roadmaps", body), body, refused))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> check.responsesOnly().check(post("/api/portfolio/roadmaps", body), body, refused))
                .doesNotThrowAnyException();
    }

    @Test
    void theReportingJobsAnswersAreCheckedToo() {
        String territory = "/api/reporting/territory?fiscalYear=2026&quarter=4";
        String answer = "{\"fiscalYear\": 2026, \"quarter\": 4, \"reports\": []%s}";
        assertThatCode(() -> check.check(get(territory), "", answer(200, "application/json", answer.formatted(""),
                Map.of()))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.check(get(territory), "", answer(200, "application/json",
                answer.formatted(", \"undocumented\": true"), Map.of())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented");
        assertThatThrownBy(() -> check.check(get("/api/reporting/territory?fiscalYear=2026&quarter=5"), "",
                answer(400, "application/problem+json", "{\"type\": \"about:blank\", \"title\": \"Bad\", "
                        + "\"status\": 400}", Map.of()))).isInstanceOf(AssertionError.class);
    }

    private static final String WEIGHTS = """
            {"strategicAlignment": 3, "userValue": 3, "agentValue": 2, "legalObligation": 2, "feasibility": 2, "risk": 2}""";

    private static String roadmap(String weights, String more) {
        return """
                {"id": "%s", "ownerId": "210000022", "title": "Feuille de route", "startYear": 2026, "endYear": 2028,
                 "axes": ["OPEN_DATA"], "status": "DRAFT", "adoptedOn": null, "adoptionDecisionId": null,
                 "finalAssessment": null, "projectsCount": 0, "version": 3, "weights": %s%s}"""
                .formatted(ROADMAP, weights, more);
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("Authorization", "Bearer x")
                .GET().build();
    }

    private static HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("Authorization", "Bearer x")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static TestHttp.Response answer(int status, String type, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        all.put("Content-Type", List.of(type));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new TestHttp.Response(new Answer(status, HttpHeaders.of(all, (name, value) -> true), body));
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://localhost:8080/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
