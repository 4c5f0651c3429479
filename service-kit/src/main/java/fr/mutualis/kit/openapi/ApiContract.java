package fr.mutualis.kit.openapi;

import fr.mutualis.contracts.openapi.ApiDocuments;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules every operation of a service's document follows, applied to the whole document once springdoc has built
 * it from the controllers: what each operation can answer is derived from what it is (a write, a path variable, an
 * {@code If-Match} precondition), the same way the kit, the gateway and the services answer it.
 */
final class ApiContract implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";

    private final ApiDocumentProperties properties;
    private final String defaultTitle;

    ApiContract(ApiDocumentProperties properties, String defaultTitle) {
        this.properties = properties;
        this.defaultTitle = defaultTitle;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        api.info(info.title(properties.title() == null ? defaultTitle : properties.title())
                .version(properties.version())
                .license(new License().name("Proprietary").url("https://mutualis.fr/licence")));
        api.servers(List.of(new Server().url(properties.serverUrl()).description("The Mutualis gateway")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token of the issuer, with the tenants and roles claims"))
                .addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("The issuer's flows: client credentials for applications, authorization code "
                                + "with PKCE for people")
                        .flows(new OAuthFlows()
                                .clientCredentials(new OAuthFlow().tokenUrl(properties.tokenUrl()).scopes(new Scopes()))
                                .authorizationCode(new OAuthFlow().authorizationUrl(properties.authorizationUrl())
                                        .tokenUrl(properties.tokenUrl()).scopes(new Scopes()))));
        api.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(OAUTH2)));
        components.addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
        Set<String> tags = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                document(method, path, operation);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
        }
        api.tags(tags.stream().map(tag -> new Tag().name(tag).description(tag + ": its operations")).toList());
        // Sorted, so that the served document is byte-stable and compares with the committed one.
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
    }

    private static void document(PathItem.HttpMethod method, String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponses documented = new ApiResponses();
        boolean locatable = operation.getExtensions() == null
                || !operation.getExtensions().containsKey(ApiDocuments.NO_LOCATION);
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                documented.addApiResponse(status, success(status, response, locatable));
            }
        });
        errors(method, path, operation).forEach((status, description) -> documented.addApiResponse(status,
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        operation.setResponses(documented);
    }

    private static ApiResponse success(String status, ApiResponse response, boolean locatable) {
        if (response.getContent() != null) {
            Content content = new Content();
            response.getContent().forEach((type, media) -> content.addMediaType(type.equals("*/*") ? JSON : type,
                    type.startsWith("text/") ? media.schema(new StringSchema()) : anyValues(media)));
            response.setContent(content);
        }
        if (status.equals("201")) {
            response.description("Created");
        }
        if (status.equals("201") && locatable) {
            response.addHeaderObject("Location", new Header().description("The path of the created resource")
                    .required(true).schema(new StringSchema().format("uri-reference")));
        }
        return response;
    }

    /**
     * A handler's {@code Map<String, Object>} answer ({@code {"id": ...}} of a creation) is documented by springdoc as
     * a map of objects, while its values are strings, numbers...: a map of any values.
     */
    private static MediaType anyValues(MediaType media) {
        if (media.getSchema() != null && media.getSchema().getAdditionalProperties() instanceof Schema<?> values
                && "object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null) {
            media.getSchema().setAdditionalProperties(true);
        }
        return media;
    }

    /** The problems an operation can answer, by status, from what it is. */
    static Map<String, String> errors(PathItem.HttpMethod method, String path, Operation operation) {
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasBody = operation.getRequestBody() != null;
        boolean pathVariables = path.contains("{");
        boolean ifMatch = parameters(operation).stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn())
                        && "If-Match".equalsIgnoreCase(parameter.getName()));
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: a parameter, header or body member is malformed (errors[] names it), "
                + "or no tenant is chosen");
        errors.put("401", "No valid bearer token");
        errors.put("403", "The caller's roles or tenants do not allow this operation");
        // an id in the path or the query (a mutualisationId filter, say) names something that may not exist for the
        // caller
        boolean namesAnId = pathVariables || parameters(operation).stream()
                .anyMatch(parameter -> "query".equals(parameter.getIn()) && parameter.getName().endsWith("Id"));
        if (namesAnId || write) {
            errors.put("404", "No such resource for this tenant");
        }
        if (write) {
            errors.put("409", "The resource is in a state that forbids this, already exists, or moved on since the "
                    + "version given in If-Match");
        }
        if (ifMatch) {
            errors.put("412", "If-Match is not a strong entity tag of this resource");
        }
        if (hasBody) {
            errors.put("413", "The request body is too large");
            errors.put("415", "The request body is not application/json");
        }
        if (write) {
            errors.put("422", "A business rule refuses the request");
        } else if (producesCsv(operation)) {
            errors.put("422", "The open-data file cannot be produced as the schema requires (errors[] names what is "
                    + "missing, e.g. the collectivité's siret)");
        }
        errors.put("429", "The tenant's rate limit is exceeded (Retry-After)");
        errors.put("503", "The service is unavailable or too busy with writes (Retry-After)");
        return errors;
    }

    private static boolean producesCsv(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().values().stream()
                .anyMatch(response -> response.getContent() != null && response.getContent().keySet().stream()
                        .anyMatch(type -> type.startsWith("text/csv")));
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : new ArrayList<>(operation.getParameters());
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema().description("One member of the request that was refused")
                .addProperty("field", new StringSchema().description("The member, parameter or header, e.g. "
                        + "lines[2].amountCents"))
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }

    /**
     * RFC 9457, with the members the platform adds; other extension members may follow (currentState, rule
     * details).
     */
    private static Schema<?> problem() {
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("correlationId", new StringSchema())
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("type", "title", "status"))
                .additionalProperties(true);
    }
}
