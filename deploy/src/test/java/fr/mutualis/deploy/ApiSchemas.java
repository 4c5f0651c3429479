package fr.mutualis.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the Kubernetes API server would refuse in an object, strictly, offline.
 * <ul>
 *     <li>Built-in kinds are read into fabric8's typed model of the Kubernetes API. Its classes keep unknown fields
 *     in an "additional properties" map instead of failing, and Jackson coerces a number into a text field: this
 *     mapper removes that map and refuses coercions, so that a misspelt field or an unquoted number where the API
 *     wants a string (an environment variable's value) fails as {@code kubectl apply --validate=strict} does.</li>
 *     <li>The operators' kinds (CloudNativePG, its barman-cloud plugin, Strimzi) are validated against the OpenAPI
 *     schema of the CRD version they name (copies in {@code src/test/resources/crds}, see its README), made strict
 *     the same way: an object schema that lists its properties admits no other, unless the CRD preserves unknown
 *     fields there. Their metadata is read as the typed {@code ObjectMeta}. CEL rules of the CRDs
 *     ({@code x-kubernetes-validations}) are not evaluated.</li>
 * </ul>
 * A kind not listed here is itself a problem: the test must be taught every kind the manifests use.
 */
final class ApiSchemas {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 Ingress", Ingress.class);

    private static final Set<String> JUNCTORS = Set.of("oneOf", "anyOf", "allOf", "not");

    private final ObjectMapper strict = strictMapper();
    private final tools.jackson.databind.json.JsonMapper json3 = tools.jackson.databind.json.JsonMapper.builder().build();
    private final Map<String, Schema> customResources = new HashMap<>();

    /** The built-in kinds and the custom resources of every CRD file in {@code crds}. */
    ApiSchemas(Path crds) {
        // OpenAPI 3.0's schema object is draft 4's; Kubernetes' own keywords and OpenAPI's `example` validate nothing.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft4())
                .keywords(Stream.of("example", "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys",
                                "x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields",
                                "x-kubernetes-validations", "x-kubernetes-embedded-resource")
                        .map(NonValidationKeyword::new).toList())
                .build());
        try (Stream<Path> files = Files.list(crds)) {
            files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(file -> {
                JsonNode crd = Kustomize.readDocuments(file).getFirst();
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = strictObjects(version.path("schema").path("openAPIV3Schema").deepCopy());
                        customResources.put(group + "/" + version.path("name").asText() + " " + kind,
                                registry.getSchema(toJackson3(schema)));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CRDs copied under {@code src/test/resources/crds}. */
    static ApiSchemas fromTestResources() {
        try {
            return new ApiSchemas(Path.of(ApiSchemas.class.getResource("/crds").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with {@code object}, each problem naming the object and the field; empty when it is valid. */
    List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        String name = Kustomize.id(object);
        String objectName = object.path("metadata").path("name").asText();
        if (!DNS_SUBDOMAIN.matcher(objectName).matches() || objectName.length() > 253) {
            return List.of(name + ": metadata.name is not a DNS subdomain");
        }
        Class<?> typed = BUILT_IN.get(type);
        if (typed != null) {
            return typeProblem(name, object, typed);
        }
        Schema schema = customResources.get(type);
        if (schema == null) {
            return List.of(name + ": no schema known for " + type);
        }
        List<String> problems = new ArrayList<>(typeProblem(name, object.path("metadata"), ObjectMeta.class));
        schema.validate(toJackson3(object)).forEach(error -> problems.add(name + ": " + error));
        return problems;
    }

    private List<String> typeProblem(String name, JsonNode node, Class<?> type) {
        try {
            strict.treeToValue(node, type);
            return List.of();
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(step -> step.getFieldName() != null ? "/" + step.getFieldName()
                    : "/" + step.getIndex()).collect(Collectors.joining());
            return List.of(name + ": " + path + ": " + e.getOriginalMessage().replaceFirst(" \\(class .*", ""));
        } catch (JsonProcessingException e) {
            return List.of(name + ": " + e.getOriginalMessage());
        }
    }

    private tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
        return json3.readTree(node.toString());
    }

    /**
     * Every object schema that lists its properties refuses others, unless the CRD says to keep unknown fields. The
     * branches of {@code oneOf}/{@code anyOf}/{@code allOf}/{@code not} are left as they are: in a structural schema
     * they name only some of the properties declared beside them.
     */
    private static JsonNode strictObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.properties().stream().filter(field -> !JUNCTORS.contains(field.getKey()))
                    .forEach(field -> strictObjects(field.getValue()));
        } else if (schema.isArray()) {
            schema.forEach(ApiSchemas::strictObjects);
        }
        return schema;
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                                 BeanDeserializerBuilder builder) {
                        builder.setAnySetter(null);
                        builder.setIgnoreUnknownProperties(false);
                        return builder;
                    }
                }))
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
