package fr.mutualis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kustomize build} does, for the part of kustomize these manifests use: there is
 * no kustomize in Java. A field or form outside that part fails the rendering instead of being skipped, so that what
 * is validated is what a cluster would receive; where kubectl is installed, the test compares both renderings.
 * <ul>
 *     <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization;</li>
 *     <li>{@code patches}: JSON 6902 patch files (RFC 6902, applied by fabric8's zjsonpatch) with a target by
 *     {@code kind} and optionally {@code name};</li>
 *     <li>{@code namespace}, {@code labels} (pairs on metadata only) and {@code images} (new name and tag).</li>
 * </ul>
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "labels",
            "images");

    private Kustomize() {
    }

    /** The objects of the kustomization in {@code directory}, in the order of its resources. */
    static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = readDocuments(directory.resolve("kustomization.yaml")).getFirst();
        kustomization.fieldNames().forEachRemaining(field -> require(FIELDS.contains(field),
                directory + ": kustomization field " + field + " is not rendered by this test"));
        require("Kustomization".equals(kustomization.path("kind").asText()), directory + ": not a Kustomization");
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                readDocuments(path).forEach(document -> objects.add((ObjectNode) document));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            objects.replaceAll(object -> patched(directory, patch, object));
        }
        String namespace = kustomization.path("namespace").asText(null);
        for (ObjectNode object : objects) {
            ObjectNode metadata = object.withObjectProperty("metadata");
            if (namespace != null) {
                metadata.put("namespace", namespace);
            }
            for (JsonNode labels : kustomization.path("labels")) {
                labels.fieldNames().forEachRemaining(field -> require(field.equals("pairs"),
                        directory + ": labels." + field + " is not rendered by this test"));
                metadata.withObjectProperty("labels").setAll((ObjectNode) labels.get("pairs"));
            }
            kustomization.path("images").forEach(image -> setImage(object, image));
        }
        Set<String> ids = new HashSet<>();
        objects.forEach(object -> require(ids.add(id(object)), directory + ": " + id(object) + " is declared twice"));
        return objects;
    }

    /** {@code apiVersion kind namespace/name}: an object's identity in a rendering. */
    static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return object.path("apiVersion").asText() + " " + object.path("kind").asText() + " "
                + metadata.path("namespace").asText("") + "/" + metadata.path("name").asText();
    }

    /**
     * The YAML documents of a file (objects; a list at the root would be read as its elements), empty ones (a header
     * of comments before the first separator) left out.
     */
    static List<JsonNode> readDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(Files.newInputStream(file))) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return documents;
    }

    private static ObjectNode patched(Path directory, JsonNode patch, ObjectNode object) {
        JsonNode target = patch.path("target");
        target.fieldNames().forEachRemaining(field -> require(field.equals("kind") || field.equals("name"),
                directory + ": patch target field " + field + " is not rendered by this test"));
        if (!target.path("kind").asText().equals(object.path("kind").asText())
                || target.has("name") && !target.get("name").asText().equals(object.path("metadata").path("name").asText())) {
            return object;
        }
        Path file = directory.resolve(patch.path("path").asText());
        JsonNode operations;
        try {
            operations = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        require(operations instanceof ArrayNode, file + ": only JSON 6902 patches (a list of operations) are rendered");
        return (ObjectNode) JsonPatch.apply(operations, object);
    }

    /** kustomize's image transformer: every {@code image} of a {@code containers} or {@code initContainers} list. */
    private static void setImage(JsonNode node, JsonNode image) {
        for (Iterator<String> fields = node.fieldNames(); node.isObject() && fields.hasNext(); ) {
            String field = fields.next();
            JsonNode value = node.get(field);
            if ((field.equals("containers") || field.equals("initContainers")) && value.isArray()) {
                for (JsonNode container : value) {
                    String current = container.path("image").asText();
                    String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                    if (name.equals(image.path("name").asText())) {
                        String tag = image.has("newTag") ? image.get("newTag").asText()
                                : current.substring(name.length() + 1);
                        ((ObjectNode) container).put("image", image.path("newName").asText(name) + ":" + tag);
                    }
                }
            }
            setImage(value, image);
        }
        if (node.isArray()) {
            node.forEach(element -> setImage(element, image));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
