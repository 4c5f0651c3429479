package fr.mutualis.console.platform;

import fr.mutualis.contracts.HttpContract;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's public API, called like any client calls it: {@code Authorization: Bearer} with the signed-in
 * person's access token (refreshed when it is about to expire) and {@code X-Tenant-Id} with the active collectivité.
 * <p>
 * Reads either answer their body or throw {@link PlatformException} (404, 403: the pages of the same name).
 * Writes answer an {@link ApiResult}: a refusal is data for the form, not an error. A token the issuer no longer
 * honours (refresh refused, 401 from the gateway) ends in {@link ClientAuthorizationRequiredException}, which Spring
 * Security turns into a new sign-in, never into a 500.
 * <p>
 * A refusal's words come from the API in French (the console asks with {@code Accept-Language}; the answer's
 * {@code Content-Language} says whether they are): words the API could not give in French are not shown, the page
 * saying the refusal with the console's sentence for its status ({@code problem.status.<status>}, and
 * {@code problem.field-refused} next to each field). A person types euros ("12 500,50") where the API takes cents,
 * so a field in cents that the API refuses (400) is told with the console's own sentence ({@code problem.amount}).
 */
@Component
public class PlatformClient {

    public static final String REGISTRATION_ID = "mutualis";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration VERSION_WAIT = Duration.ofSeconds(3);
    private static final Duration VERSION_POLL = Duration.ofMillis(100);

    private final String amountRefused;
    private final String fieldRefused;

    private final RestClient rest;
    private final String gatewayUrl;
    private final OAuth2AuthorizedClientManager tokens;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final ActiveTenant tenant;

    PlatformClient(RestClient.Builder builder, @Value("${mutualis.console.gateway-url}") String gatewayUrl,
                   OAuth2AuthorizedClientManager tokens, OAuth2AuthorizedClientRepository authorizedClients,
                   ActiveTenant tenant, MessageSource messages) {
        this.amountRefused = messages.getMessage("problem.amount", null, Locale.FRANCE);
        this.fieldRefused = messages.getMessage("problem.field-refused", null, Locale.FRANCE);
        this.rest = builder.build();
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.tokens = tokens;
        this.authorizedClients = authorizedClients;
        this.tenant = tenant;
    }

    /** A JSON object, e.g. {@code get("/api/portfolio/projects/{id}", id)}. */
    public Map<String, Object> get(String path, Object... variables) {
        return read(uri(path, Map.of(), variables), OBJECT);
    }

    /** A JSON object with query parameters (null values are left out). */
    public Map<String, Object> get(String path, Map<String, ?> query, Object... variables) {
        return read(uri(path, query, variables), OBJECT);
    }

    /** A JSON array. */
    public List<Map<String, Object>> list(String path, Map<String, ?> query, Object... variables) {
        return read(uri(path, query, variables), LIST);
    }

    /** Reads a collectivité of the active tenant's as the active tenant (its name for the header of every page). */
    public Map<String, Object> getAs(String siren, String path, Object... variables) {
        return rest.get().uri(uri(path, Map.of(), variables))
                .headers(headers -> authorize(headers, siren))
                .exchange((request, response) -> body(response, OBJECT));
    }

    public ApiResult post(String path, Object body, Object... variables) {
        return write(rest.post().uri(uri(path, Map.of(), variables)), body);
    }

    /**
     * A creation with an {@code Idempotency-Key} (the same key never creates twice) and, with {@code dryRun}, only
     * checked by the API ({@code ?dryRun=true}: every rule of a creation, nothing written).
     */
    public ApiResult create(String path, Object body, String idempotencyKey, boolean dryRun) {
        RestClient.RequestBodySpec request = rest.post().uri(uri(path, dryRun ? Map.of("dryRun", true) : Map.of()));
        return write(request.header(HttpContract.IDEMPOTENCY_KEY_HEADER, idempotencyKey), body);
    }

    public ApiResult put(String path, Object body, Object... variables) {
        return write(rest.put().uri(uri(path, Map.of(), variables)), body);
    }

    /**
     * Waits (a few seconds at most) until the resource read at {@code path} shows the {@code version} an accepted
     * write answered: the API's reads follow its writes a moment later, and the page that follows a form must show
     * what the person just changed. Past the wait the page shows what is there; it is never an error.
     */
    public void awaitVersion(ApiResult accepted, String path, Object... variables) {
        if (!(accepted.body().get("version") instanceof Number written)) {
            return;
        }
        long deadline = System.nanoTime() + VERSION_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(path, variables).get("version") instanceof Number read && read.longValue() >= written.longValue()) {
                return;
            }
            try {
                Thread.sleep(VERSION_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private <T> T read(URI uri, ParameterizedTypeReference<T> type) {
        return rest.get().uri(uri)
                .headers(headers -> authorize(headers, tenant.current().orElse(null)))
                .exchange((request, response) -> body(response, type));
    }

    private ApiResult write(RestClient.RequestBodySpec request, Object body) {
        RestClient.RequestBodySpec spec = request.headers(headers -> authorize(headers, tenant.current().orElse(null)))
                .contentType(MediaType.APPLICATION_JSON);
        if (body != null) {
            spec.body(body);
        }
        return spec.exchange((req, response) -> {
            HttpStatusCode status = response.getStatusCode();
            if (status.value() == 401) {
                throw signInAgain();
            }
            if (status.is2xxSuccessful()) {
                byte[] bytes = response.getBody().readAllBytes();
                return new ApiResult(bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Map.class), null,
                        "true".equals(response.getHeaders().getFirst(HttpContract.IDEMPOTENT_REPLAYED_HEADER)));
            }
            ApiProblem problem = problem(response);
            if (status.value() == 404 || status.value() == 403 || status.is5xxServerError()) {
                throw new PlatformException(problem);
            }
            return new ApiResult(null, problem);
        });
    }

    private <T> T body(ClientHttpResponse response, ParameterizedTypeReference<T> type) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.value() == 401) {
            throw signInAgain();
        }
        if (!status.is2xxSuccessful()) {
            throw new PlatformException(problem(response));
        }
        return JSON.readValue(response.getBody(), JSON.getTypeFactory().constructType(type.getType()));
    }

    @SuppressWarnings("unchecked")
    private ApiProblem problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        byte[] bytes = response.getBody().readAllBytes();
        Map<String, Object> body;
        try {
            body = bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Map.class);
        } catch (RuntimeException notJson) {
            body = Map.of();
        }
        // only French words reach a page: a refusal the API did not word in French keeps its fields, not its words
        boolean french = String.valueOf(response.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).startsWith("fr");
        List<ApiProblem.FieldProblem> errors = body.get("errors") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance)
                .map(item -> (Map<String, Object>) item)
                .map(item -> {
                    String field = String.valueOf(item.get("field"));
                    String message = status == 400 && field.endsWith("Cents") ? amountRefused
                            : french ? String.valueOf(item.get("message")) : fieldRefused;
                    return new ApiProblem.FieldProblem(field, message);
                })
                .toList() : List.of();
        return new ApiProblem(status, (String) body.get("type"), (String) body.get("title"),
                french ? (String) body.get("detail") : null, errors);
    }

    private void authorize(HttpHeaders headers, String siren) {
        headers.setBearerAuth(accessToken());
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (siren != null) {
            headers.set(HttpContract.TENANT_HEADER, siren);
        }
    }

    private String accessToken() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                .principal(person)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build();
        try {
            OAuth2AuthorizedClient client = tokens.authorize(authorize);
            if (client == null) {
                throw signInAgain();
            }
            return client.getAccessToken().getTokenValue();
        } catch (ClientAuthorizationRequiredException required) {
            throw required;
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException refreshRefused) {
            // The refresh token expired, the issuer forgot it or its new ID token does not match: sign in again.
            authorizedClients.removeAuthorizedClient(REGISTRATION_ID, person, request, response);
            throw signInAgain();
        }
    }

    private static ClientAuthorizationRequiredException signInAgain() {
        return new ClientAuthorizationRequiredException(REGISTRATION_ID);
    }

    /** A file of the API (the open-data CSV), read as the active collectivité; refusals as reads. */
    public Download download(String path, Map<String, ?> query) {
        return download(tenant.current().orElse(null), path, query);
    }

    /** A file of the API (its bytes, type and {@code Content-Disposition}), read as {@code siren}; refusals as reads. */
    public Download download(String siren, String path, Map<String, ?> query) {
        return rest.get().uri(uri(path, query))
                .headers(headers -> {
                    authorize(headers, siren);
                    headers.setAccept(List.of(MediaType.ALL));
                })
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 401) {
                        throw signInAgain();
                    }
                    if (!status.is2xxSuccessful()) {
                        throw new PlatformException(problem(response));
                    }
                    HttpHeaders headers = response.getHeaders();
                    return new Download(response.getBody().readAllBytes(), headers.getContentType(),
                            headers.getFirst(HttpHeaders.CONTENT_DISPOSITION));
                });
    }

    /** @param disposition the API's {@code Content-Disposition} (its file name), null when it gave none */
    public record Download(byte[] bytes, MediaType type, String disposition) {

        /** The file passed on to the browser as it came: its bytes, type and file name. */
        public ResponseEntity<byte[]> response() {
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                    .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
            if (disposition != null) {
                answer.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
            }
            return answer.body(bytes);
        }
    }

    private URI uri(String path, Map<String, ?> query, Object... variables) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(gatewayUrl + path);
        query.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isBlank()) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().buildAndExpand(variables).toUri();
    }
}
