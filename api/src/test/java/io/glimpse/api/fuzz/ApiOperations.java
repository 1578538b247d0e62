package io.glimpse.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations of an OpenAPI document (as parsed JSON), with what the fuzz needs to call them. */
final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A parameter: in {@code path} or {@code query}, with its schema. */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /**
     * One operation.
     *
     * @param bodyTypes  media types of its request body, empty when it takes none
     * @param bodySchema schema of the body's first media type
     * @param streams    whether a success is an endless Server-Sent Events stream
     */
    record Operation(String method, String path, List<Parameter> parameters, List<String> bodyTypes,
                     Map<String, Object> bodySchema, boolean streams) {

        boolean isMastodon() {
            return path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.startsWith("/oauth/")
                    || path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/") || path.startsWith("/avatars/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiOperations() {
    }

    @SuppressWarnings("unchecked")
    static List<Operation> of(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) ->
                ((Map<String, Object>) item).forEach((method, value) -> {
                    if (!METHODS.contains(method)) {
                        return;
                    }
                    Map<String, Object> operation = (Map<String, Object>) value;
                    List<Parameter> parameters = new ArrayList<>();
                    for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                        parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                                Boolean.TRUE.equals(parameter.get("required")),
                                (Map<String, Object>) parameter.getOrDefault("schema", Map.of())));
                    }
                    Map<String, Object> content = operation.get("requestBody") instanceof Map<?, ?> body
                            ? (Map<String, Object>) body.get("content") : Map.of();
                    List<String> bodyTypes = List.copyOf(content.keySet());
                    Map<String, Object> bodySchema = bodyTypes.isEmpty() ? Map.of()
                            : (Map<String, Object>) ((Map<String, Object>) content.get(bodyTypes.get(0))).getOrDefault("schema", Map.of());
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, parameters, bodyTypes, bodySchema,
                            String.valueOf(operation.get("responses")).contains("text/event-stream")));
                }));
        return operations;
    }
}
