package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does for the subset of kustomize the
 * manifests use: resources (files and directories), namespace, labels, strategic-merge patches
 * matched by kind and name, and image names. A kustomization using anything else fails to parse,
 * so the manifests cannot grow a feature these tests do not render.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass");

    record Kustomization(String apiVersion, String kind, String namespace, List<String> resources,
                         List<Patch> patches, List<Image> images, List<Labels> labels) {
    }

    record Patch(String path) {
    }

    record Image(String name, String newName, String newTag, String digest) {
    }

    record Labels(Map<String, String> pairs) {
    }

    private Kustomize() {
    }

    /** Every object the kustomization in {@code dir} renders, in order. */
    static List<ObjectNode> render(Path dir) {
        try {
            Kustomization k = YAML.readValue(dir.resolve("kustomization.yaml").toFile(), Kustomization.class);
            List<ObjectNode> objects = new ArrayList<>();
            for (String resource : k.resources() == null ? List.<String>of() : k.resources()) {
                Path path = dir.resolve(resource).normalize();
                if (Files.isDirectory(path)) {
                    objects.addAll(render(path));
                } else {
                    objects.addAll(documents(path));
                }
            }
            for (Patch patch : k.patches() == null ? List.<Patch>of() : k.patches()) {
                for (ObjectNode change : documents(dir.resolve(patch.path()))) {
                    target(objects, change).ifPresentOrElse(t -> merge(t, change),
                            () -> { throw new IllegalStateException("patch " + patch.path() + " matches no object"); });
                }
            }
            for (ObjectNode object : objects) {
                ObjectNode metadata = object.with("metadata");
                for (Labels labels : k.labels() == null ? List.<Labels>of() : k.labels()) {
                    labels.pairs().forEach((key, value) -> metadata.with("labels").put(key, value));
                }
                if (k.namespace() != null && !CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    metadata.put("namespace", k.namespace());
                }
                for (Image image : k.images() == null ? List.<Image>of() : k.images()) {
                    setImage(object, image);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject()) {
                    documents.add((ObjectNode) node);
                }
            }
        }
        return documents;
    }

    private static java.util.Optional<ObjectNode> target(List<ObjectNode> objects, ObjectNode change) {
        return objects.stream()
                .filter(o -> o.path("kind").equals(change.path("kind"))
                        && o.path("metadata").path("name").equals(change.path("metadata").path("name")))
                .findFirst();
    }

    /** Maps merge key by key, lists of named objects merge by name, other lists are replaced. */
    static void merge(ObjectNode target, ObjectNode change) {
        change.fields().forEachRemaining(field -> {
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (current != null && current.isObject() && value.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value);
            } else if (current != null && named(current) && named(value)) {
                for (JsonNode element : value) {
                    ObjectNode match = null;
                    for (JsonNode existing : current) {
                        if (existing.get("name").equals(element.get("name"))) {
                            match = (ObjectNode) existing;
                        }
                    }
                    if (match == null) {
                        ((ArrayNode) current).add(element);
                    } else {
                        merge(match, (ObjectNode) element);
                    }
                }
            } else {
                target.set(field.getKey(), value);
            }
        });
    }

    private static boolean named(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject() || !element.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static void setImage(ObjectNode object, Image image) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : podSpec.path(list)) {
                String current = container.path("image").asText();
                String name = current.split("@")[0].replaceFirst(":[^:/]*$", "");
                if (name.equals(image.name())) {
                    String newName = image.newName() == null ? name : image.newName();
                    String reference = image.digest() != null ? newName + "@" + image.digest()
                            : image.newTag() != null ? newName + ":" + image.newTag() : newName;
                    ((ObjectNode) container).set("image", TextNode.valueOf(reference));
                }
            }
        }
    }
}
