package fr.mutualis.kit.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Says of each record's components what is really sent, with JSpecify's meaning. Jackson writes every component,
 * nulls included, so a response record's components are all {@code required}, except one that Jackson leaves out
 * when empty ({@code @JsonInclude}). Which may be null: in {@link NullMarked} code, only the components marked
 * {@link Nullable}; in code not yet null-marked, any component of a reference type, since nothing says otherwise
 * (primitives never are). A request record (one whose components carry Bean Validation constraints) keeps
 * springdoc's {@code required} (its {@code @NotNull}, {@code @NotBlank}...), and its other reference components may
 * be null or left out.
 */
final class RecordSchemas implements ModelConverter {

    private static final String CONSTRAINTS = "jakarta.validation.";
    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(REF_PREFIX.length()));
        if (model != null && model.getProperties() != null) {
            describe(raw, model, context);
        }
        return resolved;
    }

    private static void describe(Class<?> record, Schema<?> model, ModelConverterContext context) {
        RecordComponent[] components = record.getRecordComponents();
        boolean request = Arrays.stream(components).anyMatch(RecordSchemas::constrained);
        boolean marked = nullMarked(record);
        List<String> required = new ArrayList<>();
        for (RecordComponent component : components) {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> properties = model.getProperties();
            Schema<?> property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            boolean reference = !component.getType().isPrimitive();
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    || (request ? reference && !requiredByValidation(model, component) : reference && !marked);
            if (nullable) {
                properties.put(component.getName(), nullable(property, context));
            }
            if (request ? requiredByValidation(model, component) : !omittedWhenEmpty(component)) {
                required.add(component.getName());
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    /**
     * In OpenAPI 3.0 a {@code $ref}'s siblings are ignored: a nullable reference wraps it in {@code allOf}, with the
     * referenced schema's type beside {@code nullable} as 3.0 requires.
     */
    private static Schema<?> nullable(Schema<?> property, ModelConverterContext context) {
        if (property.get$ref() != null) {
            Schema<?> referenced = context.getDefinedModels().get(property.get$ref().substring(REF_PREFIX.length()));
            return new Schema<>().type(referenced == null || referenced.getType() == null ? "object" : referenced.getType())
                    .allOf(List.of(new Schema<>().$ref(property.get$ref()))).nullable(true);
        }
        return property.nullable(true);
    }

    /** Whether the record, a class enclosing it or its package is {@link NullMarked} (and not unmarked again). */
    static boolean nullMarked(Class<?> type) {
        for (Class<?> scope = type; scope != null; scope = scope.getEnclosingClass()) {
            if (scope.isAnnotationPresent(NullUnmarked.class)) {
                return false;
            }
            if (scope.isAnnotationPresent(NullMarked.class)) {
                return true;
            }
        }
        return type.getPackage() != null && type.getPackage().isAnnotationPresent(NullMarked.class);
    }

    private static boolean requiredByValidation(Schema<?> model, RecordComponent component) {
        return model.getRequired() != null && model.getRequired().contains(component.getName());
    }

    private static boolean constrained(RecordComponent component) {
        return annotations(component).stream()
                .anyMatch(annotation -> annotation.annotationType().getName().startsWith(CONSTRAINTS));
    }

    private static boolean omittedWhenEmpty(RecordComponent component) {
        return annotations(component).stream().filter(JsonInclude.class::isInstance).map(JsonInclude.class::cast)
                .anyMatch(include -> include.value() != JsonInclude.Include.ALWAYS);
    }

    /** A component's annotations land on its accessor or its type, depending on their targets. */
    private static List<Annotation> annotations(RecordComponent component) {
        List<Annotation> annotations = new ArrayList<>(Arrays.asList(component.getAnnotations()));
        annotations.addAll(Arrays.asList(component.getAccessor().getAnnotations()));
        annotations.addAll(Arrays.asList(component.getAnnotatedType().getAnnotations()));
        return annotations;
    }
}
