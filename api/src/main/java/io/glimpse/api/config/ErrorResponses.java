package io.glimpse.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds to every operation of the OpenAPI document the errors it can answer, so that clients (and
 * the fuzz) know them without an annotation on each method: RFC 9457 problem+json for Glimpse's
 * API, Mastodon's {@code {"error"}} object for the Mastodon API. Which codes apply follows from the
 * operation's shape: any request can be malformed (400), carry a bad token (401) or be rate limited
 * (429); one that needs a token can be refused (403); one addressing something by path can miss it
 * (404); a write can conflict (409); a body can be too large (413). Codes an operation documents
 * itself are kept.
 */
@Component
class ErrorResponses implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String MASTODON_ERROR = "MastodonError";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final Set<String> MASTODON_PREFIXES = Set.of("/api/v1/", "/api/v2/", "/oauth/", "/.well-known/",
            "/nodeinfo/", "/avatars/");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components.addSchemas(PROBLEM, problemSchema()).addSchemas(MASTODON_ERROR, mastodonSchema()));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                errorsOf(path, method, operation).forEach((status, description) -> {
                    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    operation.setResponses(responses);
                    if (!responses.containsKey(status)) {
                        responses.addApiResponse(status, response(description, isMastodon(path)));
                    }
                })));
    }

    private static Map<String, String> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid input: a field, parameter, query string, header or body that cannot be accepted");
        if (isMastodon(path)) {
            errors.put("422", "Validation failed (Mastodon's code for invalid input)");
        }
        errors.put("401", "The access token is missing, invalid, expired or revoked");
        boolean needsToken = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (needsToken) {
            errors.put("403", "Authenticated but not allowed");
        }
        if (path.contains("{")) {
            errors.put("404", "Not found, or hidden from the caller by a block");
        }
        if (WRITES.contains(method)) {
            errors.put("409", "Conflicts with the current state (a taken username or email, a replay already running)");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body (or an uploaded file) is too large");
        }
        errors.put("429", "Rate limited: try again after Retry-After seconds");
        return errors;
    }

    private static ApiResponse response(String description, boolean mastodon) {
        String schema = "#/components/schemas/" + (mastodon ? MASTODON_ERROR : PROBLEM);
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(mastodon ? JSON : PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(schema))));
    }

    private static boolean isMastodon(String path) {
        return MASTODON_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().description("URI reference of the kind of problem, e.g. /problems/validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("invalid fields (400 only)"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> mastodonSchema() {
        return new ObjectSchema()
                .description("An error as the Mastodon API answers it")
                .addProperty("error", new StringSchema())
                .addProperty("error_description", new StringSchema())
                .required(List.of("error"));
    }
}
