package io.glimpse.api.mastodon.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a Mastodon API call. Mastodon accepts every write as a query string, a form
 * (urlencoded or multipart) or a JSON body, and clients use all of them (masto.js sends JSON for
 * statuses and multipart for media and profiles), so this reads whichever came. Arrays are
 * {@code name[]=a&name[]=b} in forms and JSON arrays in JSON.
 */
public final class Params {

    private final Map<String, String[]> form;
    private final JsonNode json;

    private Params(Map<String, String[]> form, JsonNode json) {
        this.form = form;
        this.json = json;
    }

    public static Params of(HttpServletRequest request, ObjectMapper mapper) {
        String type = request.getContentType();
        JsonNode json = null;
        if (type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            try {
                json = mapper.readTree(request.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("The request body is not valid JSON");
            }
            if (json != null && !json.isObject()) {
                throw new IllegalArgumentException("The request body must be a JSON object");
            }
        }
        return new Params(request.getParameterMap(), json);
    }

    public String text(String name) {
        if (json != null && json.has(name) && !json.get(name).isNull()) {
            JsonNode value = json.get(name);
            return value.isValueNode() ? value.asString() : value.toString();
        }
        String[] values = form.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** A field of a nested object: {@code parent[child]} in forms, {@code {"parent": {"child": ...}}} in JSON. */
    public String text(String parent, String child) {
        if (json != null && json.has(parent) && json.get(parent).isObject()) {
            JsonNode value = json.get(parent).get(child);
            return value == null || value.isNull() ? null : value.asString();
        }
        return text(parent + "[" + child + "]");
    }

    /** {@code name[]} (or a repeated {@code name}) in forms, an array (or one value) in JSON. */
    public List<String> list(String name) {
        if (json != null && json.has(name)) {
            JsonNode value = json.get(name);
            List<String> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> items.add(item.asString()));
            } else if (!value.isNull()) {
                items.add(value.asString());
            }
            return items;
        }
        String[] values = form.get(name + "[]");
        if (values == null) {
            values = form.get(name);
        }
        return values == null ? List.of() : Arrays.stream(values).filter(v -> !v.isBlank()).toList();
    }

    public boolean flag(String name) {
        String value = text(name);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("on"));
    }

    public String required(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw new MastodonException(422, "Validation failed: " + name + " can't be blank");
        }
        return value;
    }
}
