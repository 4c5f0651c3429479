package fr.mutualis.e2e.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import fr.mutualis.testsupport.TestHttp;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks each exchange of the e2e tests with the API against the platform's OpenAPI document, with Atlassian's
 * swagger-request-validator: the request (path, parameters, body, media type) and the answer (status, media type,
 * body, errors included). An undocumented status, member or media type fails the test. Members the document does
 * not declare are refused because the validator treats objects as closed unless their schema says otherwise.
 * <p>
 * Tests that send invalid requests on purpose (hostile input, forged tokens, isolation probes, mass assignment) use
 * {@link #responsesOnly}: their answers must still be the documented error statuses and problem, their requests are
 * not checked. Only the documented contexts' API ({@code /api/<context>/...}) is checked: documents, tokens and the
 * console are not part of it.
 */
public final class ContractCheck implements TestHttp.ExchangeCheck {

    /** The contexts the aggregated document describes: the four services and the reporting job's read API. */
    private static final List<String> DOCUMENTED = OpenApi.CONTEXTS.stream()
            .map(context -> "/api/" + context + "/").toList();
    private static final Pattern POINTER = Pattern.compile("\\[Path '([^']*)'\\]");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NO_OPERATION = Set.of("validation.response.path.missing",
            "validation.request.path.missing", "validation.response.operation.notAllowed",
            "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;
    private final boolean requests;

    private ContractCheck(OpenApiInteractionValidator validator, boolean requests) {
        this.validator = validator;
        this.requests = requests;
    }

    /** Requests and answers, against {@code document} (the OpenAPI text). */
    public static ContractCheck of(String document) {
        return new ContractCheck(OpenApiInteractionValidator.createForInlineApiSpecification(document).build(), true);
    }

    /** The same document, answers only. */
    public ContractCheck responsesOnly() {
        return new ContractCheck(validator, false);
    }

    @Override
    public void check(HttpRequest request, String body, TestHttp.Response response) {
        URI uri = request.uri();
        if (DOCUMENTED.stream().noneMatch(uri.getRawPath()::startsWith)) {
            return;
        }
        Request.Method method = Request.Method.valueOf(request.method());
        SimpleRequest.Builder exchange = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                exchange.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        request.headers().map().forEach((name, values) -> exchange.withHeader(name, values));
        if (!body.isEmpty()) {
            exchange.withBody(body);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.raw().headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = requests
                ? validator.validate(exchange.build(), answer.build())
                : validator.validateResponse(uri.getRawPath(), method, answer.build());
        // A probe of a path or method the API does not have (hostile input) has no operation to check against.
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> requests || !NO_OPERATION.contains(message.getKey()))
                .filter(message -> !nullableReference(message, body, response.body()))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("Not what the OpenAPI document says: " + request.method() + " " + uri + " -> "
                    + response.status() + " " + abbreviate(response.body()) + "\n" + errors.stream()
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * OpenAPI 3.0 can only make a reference nullable by wrapping it, {@code {allOf: [$ref], nullable: true}}, and the
     * validator applies the {@code allOf} to a null too: a null there is what the document says, not an error.
     */
    private static boolean nullableReference(ValidationReport.Message message, String requestBody,
                                             String responseBody) {
        Matcher at = POINTER.matcher(message.getMessage());
        if (!message.getKey().endsWith(".body.schema.allOf") || !at.find()) {
            return false;
        }
        String body = message.getKey().startsWith("validation.request") ? requestBody : responseBody;
        try {
            return JSON.readTree(body).at(at.group(1)).isNull();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
