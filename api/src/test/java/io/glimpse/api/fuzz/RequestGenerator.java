package io.glimpse.api.fuzz;

import io.glimpse.api.fuzz.ApiOperations.Operation;
import io.glimpse.api.fuzz.ApiOperations.Parameter;
import io.glimpse.api.fuzz.FuzzRequest.Caller;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates requests for the operations of the OpenAPI document: each one's path, query, headers
 * and body from its parameters and schemas, with plausible values (names and ids that exist) mixed
 * with hostile ones (invalid percent-encoding, unnamed parameters, huge numbers, control
 * characters, wrong types, broken JSON and multipart, wrong content types, bad tokens). Every
 * choice is drawn from QuickTheories' randomness, so a failing request is reproducible from its
 * seed and shrinks towards the simplest choices (the first of each list).
 */
final class RequestGenerator {

    /** Hostile strings, percent-encoded when they go into a URL unless drawn raw. */
    static final List<String> NASTY = List.of("", " ", "a", "%", "%ff", "%C0%AF", "%00", "%2f", "..", "../..", "null",
            "-1", "0", "2147483648", "9223372036854775808", "1e309", "NaN", "-0", "0x1F", "ä", "💥", "\u0000", "\t",
            "<script>alert(1)</script>", "' OR 1=1--", "${jndi:ldap://x}", "#tag", "@user", "a".repeat(3000),
            "{}", "[]", "true", "\\", "\"", "=", "&", "?", "/", ";", "\r\n", "\uFFFF", "\uD800");
    private static final List<String> RAW_QUERY_JUNK = List.of("=", "&", "=1e309", "%ff", "q=%C0", "=/", "%", "&&=&",
            "a[]=1&a[]=2", "limit=1&limit=2", "cursor=%ZZ", "x=%e2%82", "%ff=%ff", "limit=-5", "limit=999999999999",
            "offset=-1", "offset=1e309", "cursor=" + "A".repeat(2000));
    private static final List<String> INTEGERS = List.of("20", "1", "0", "-1", "100", "101", "2147483647", "2147483648",
            "-9223372036854775809", "1e309", "1.5", "abc", "");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "application/problem+json", "garbage", "text/event-stream", "image/png");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "garbage/", "application/json; charset=nope", "application/json",
            "multipart/form-data; boundary=", "image/jpeg");
    private static final List<String> BROKEN_AUTHORIZATION = List.of("Bearer", "Bearer ", "Bearer a.b.c",
            "Bearer ...", "Bearer %%%", "Basic YWxpY2U6c2VjcmV0", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            "bearer \u00ff\u00fe", "Bearer " + "a".repeat(9000), "Bearer a\u0001b", "Digest x", "Bearer\ttoken");
    private static final List<String> BROKEN_JSON = List.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "{\"a\":1,}",
            "[".repeat(3000), "{\"caption\": " + "[".repeat(1500), "\u0000\u0001", "{\"password\": {\"$gt\": \"\"}}",
            "{\"username\": 1e309, \"limit\": 1e309}", "{'single': 'quotes'}", "\uFEFF{}", "{\"a\":\"\\ud800\"}");

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");

    private final List<Operation> operations;
    private final Map<String, Object> schemas;
    private final List<String> names;
    private final List<String> ids;

    /**
     * @param names usernames (and other names) that exist, so that some requests reach the handlers
     * @param ids   ids of posts, comments and the like that exist
     */
    RequestGenerator(List<Operation> operations, Map<String, Object> schemas, List<String> names, List<String> ids) {
        this.operations = operations;
        this.schemas = schemas;
        this.names = names;
        this.ids = ids;
    }

    /** Requests for operations drawn at random. */
    Gen<FuzzRequest> requests() {
        return in -> {
            Draw draw = new Draw(in);
            return request(draw, draw.pick(operations));
        };
    }

    /** Requests for one operation. */
    Gen<FuzzRequest> requests(Operation operation) {
        return in -> request(new Draw(in), operation);
    }

    private FuzzRequest request(Draw draw, Operation operation) {
        Caller caller = operation.streams() && draw.chance(3)
                ? Caller.BROKEN : draw.pick(List.of(Caller.USER, Caller.ANONYMOUS, Caller.ADMIN, Caller.BROKEN));
        if (operation.streams() && (caller == Caller.USER || caller == Caller.ADMIN)) {
            caller = Caller.ANONYMOUS; // a success is an endless stream: only refusals are fuzzed
        }
        String method = draw.chance(20)
                ? draw.pick(List.of("HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "FOO")) : operation.method();
        List<String> headers = new ArrayList<>();
        if (caller == Caller.BROKEN) {
            headers.add("Authorization: " + draw.pick(BROKEN_AUTHORIZATION));
        }
        if (draw.chance(3)) {
            headers.add("Accept: " + draw.pick(ACCEPTS));
        }
        if (draw.chance(30)) {
            headers.add(draw.pick(List.of("X-Forwarded-For: %ff", "Origin: null", "Range: bytes=9-1",
                    "Last-Event-ID: \u00ff", "Idempotency-Key: " + "k".repeat(500), "Content-Encoding: gzip",
                    "Transfer-Encoding: chunked, identity", "Host: ", "Cookie: =;=")));
        }
        byte[] body = new byte[0];
        boolean sendsBody = !operation.bodyTypes().isEmpty() ? !draw.chance(15) : draw.chance(10);
        if (sendsBody) {
            String type = operation.bodyTypes().isEmpty() || draw.chance(8)
                    ? draw.pick(CONTENT_TYPES) : draw.pick(operation.bodyTypes());
            String boundary = "fuzz" + draw.below(1000);
            if (type.startsWith("multipart/form-data") && type.equals("multipart/form-data") && draw.chance(1, 4)) {
                type = type + "; boundary=" + boundary;
            }
            body = body(draw, operation, type, boundary);
            headers.add("Content-Type: " + type);
        }
        String path = path(draw, operation);
        return new FuzzRequest(operation, method, path + query(draw, operation), caller, headers, body);
    }

    private String path(Draw draw, Operation operation) {
        String path = operation.path();
        // Every template variable, also one the document does not declare as a parameter.
        Matcher variable = TEMPLATE_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(filled, Matcher.quoteReplacement(pathValue(draw)));
        }
        path = variable.appendTail(filled).toString();
        return draw.chance(40) ? path + draw.pick(List.of("/", "//", "/..", "%2f", "/%2e%2e", ";x=1", "/extra")) : path;
    }

    private String pathValue(Draw draw) {
        int kind = draw.below(4);
        if (kind == 0) {
            return encode(draw.pick(names));
        }
        if (kind == 1) {
            return draw.pick(ids);
        }
        if (kind == 2) {
            return UUID.randomUUID().toString();
        }
        String nasty = draw.pick(NASTY);
        return draw.chance(3) ? raw(nasty.replace(" ", "%20")) : encode(nasty);
    }

    private String query(Draw draw, Operation operation) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if ("query".equals(parameter.in()) && (parameter.required() ? !draw.chance(10) : draw.chance(1, 2))) {
                String value = value(draw, parameter.schema(), 0);
                pairs.add(encode(parameter.name()) + "=" + (draw.chance(5) ? raw(value.replace(" ", "+")) : encode(value)));
            }
        }
        if (draw.chance(4)) {
            pairs.add(draw.pick(RAW_QUERY_JUNK));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private byte[] body(Draw draw, Operation operation, String type, String boundary) {
        if (type.startsWith("multipart/form-data")) {
            return multipart(draw, operation, boundary);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            List<String> pairs = new ArrayList<>();
            properties(operation.bodySchema()).forEach((name, schema) -> {
                if (draw.chance(1, 2)) {
                    pairs.add(encode(name) + "=" + encode(value(draw, schemaOf(schema), 1)));
                }
            });
            if (draw.chance(4)) {
                pairs.add(draw.pick(RAW_QUERY_JUNK));
            }
            return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
        }
        if (draw.chance(4)) {
            return draw.pick(BROKEN_JSON).getBytes(StandardCharsets.UTF_8);
        }
        return json(draw, operation.bodySchema(), 0).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] multipart(Draw draw, Operation operation, String boundary) {
        if (draw.chance(5)) {
            return draw.pick(List.of("--" + boundary + "\r\nbroken", "", "--" + boundary + "--",
                    "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + boundary + "--\r\n",
                    "garbage")).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, Object> properties = new LinkedHashMap<>(properties(operation.bodySchema()));
        properties.putIfAbsent("tags", Map.of("type", "string"));
        properties.forEach((name, schema) -> {
            int count = draw.chance(1, 2) ? 0 : draw.chance(10) ? 40 + draw.below(30) : 1 + draw.below(3);
            for (int i = 0; i < count; i++) {
                boolean file = name.equals("file") || name.equals("files") || name.equals("avatar") || draw.chance(20);
                String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                        + (file ? "; filename=\"" + draw.pick(List.of("a.jpg", "", "../../etc/passwd", "x.png")) + "\"" : "");
                write(body, "--" + boundary + "\r\n" + disposition + "\r\n"
                        + (file ? "Content-Type: " + draw.pick(List.of("image/jpeg", "image/png", "text/plain", "")) + "\r\n" : "")
                        + "\r\n");
                if (file) {
                    body.writeBytes(fileBytes(draw));
                } else {
                    write(body, value(draw, schemaOf(schema), 1));
                }
                write(body, "\r\n");
            }
        });
        write(body, "--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    private static byte[] fileBytes(Draw draw) {
        return switch (draw.below(4)) {
            case 0 -> new byte[0];
            case 1 -> new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                    0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 8, 6, 0, 0, 0};
            case 2 -> new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
            default -> "GIF89a not really".getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** A JSON value for {@code schema}: mostly of the right shape, sometimes of another. */
    private String json(Draw draw, Map<String, Object> schema, int depth) {
        Map<String, Object> resolved = resolve(schema);
        String type = String.valueOf(resolved.getOrDefault("type", resolved.containsKey("properties") ? "object" : "string"));
        if (depth > 3 || draw.chance(15)) {
            return draw.pick(List.of("null", "1e309", "\"\"", "[]", "{}", "true", "-1", "\"" + "x".repeat(3000) + "\""));
        }
        return switch (type) {
            case "object" -> {
                List<String> members = new ArrayList<>();
                properties(resolved).forEach((name, property) -> {
                    if (!draw.chance(5)) {
                        members.add(quote(name) + ":" + json(draw, schemaOf(property), depth + 1));
                    }
                });
                if (draw.chance(10)) {
                    members.add("\"unexpected\":" + quote(draw.pick(NASTY)));
                }
                yield "{" + String.join(",", members) + "}";
            }
            case "array" -> {
                List<String> items = new ArrayList<>();
                int count = draw.chance(10) ? 40 + draw.below(40) : draw.below(4);
                for (int i = 0; i < count; i++) {
                    items.add(json(draw, schemaOf(resolved.getOrDefault("items", Map.of())), depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case "integer", "number" -> draw.pick(List.of("1", "0", "-1", "20", "2147483648", "-9223372036854775809",
                    "1.5", "1e400", "99999999999999999999999"));
            case "boolean" -> draw.pick(List.of("true", "false", "\"yes\"", "0"));
            default -> quote(value(draw, resolved, depth));
        };
    }

    /** A parameter or field value as text. */
    private String value(Draw draw, Map<String, Object> schema, int depth) {
        Map<String, Object> resolved = resolve(schema);
        Object type = resolved.get("type");
        if (resolved.get("enum") instanceof List<?> values && !values.isEmpty() && draw.chance(1, 2)) {
            return String.valueOf(draw.pick(values));
        }
        if (("integer".equals(type) || "number".equals(type)) && draw.chance(1, 2)) {
            return draw.pick(INTEGERS);
        }
        if ("boolean".equals(type) && draw.chance(1, 2)) {
            return draw.pick(List.of("true", "false", "yes", "1"));
        }
        if ("uuid".equals(resolved.get("format")) && draw.chance(1, 2)) {
            return draw.chance(1, 2) ? draw.pick(ids) : UUID.randomUUID().toString();
        }
        if ("email".equals(resolved.get("format")) && draw.chance(1, 2)) {
            return "fuzz" + draw.below(100_000) + "@example.com";
        }
        return switch (draw.below(4)) {
            case 0 -> draw.pick(names);
            case 1 -> "fuzz_" + draw.below(100_000);
            case 2 -> "correct horse battery " + draw.below(1000);
            default -> draw.pick(NASTY);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String name && name.startsWith("#/components/schemas/")) {
            Object target = schemas.get(name.substring("#/components/schemas/".length()));
            return target instanceof Map<?, ?> found ? (Map<String, Object>) found : Map.of();
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(Map<String, Object> schema) {
        Object properties = resolve(schema).get("properties");
        return properties instanceof Map<?, ?> found ? (Map<String, Object>) found : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaOf(Object schema) {
        return schema instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * Text as it is, hostile characters and all, except a line break or tab, which would end the
     * request line there (Tomcat then answers as HTTP/0.9, or the rest becomes a header).
     */
    private static String raw(String text) {
        return text.matches("(?s).*[\\r\\n\\t].*") ? encode(text) : text;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** QuickTheories' randomness as the choices a generator makes; shrinking moves every choice towards 0. */
    private record Draw(RandomnessSource in) {

        int below(int bound) {
            return (int) in.next(Constraint.between(0, bound - 1));
        }

        /** True about once in {@code n} draws. */
        boolean chance(int n) {
            return below(n) == n - 1;
        }

        /** True about {@code k} times in {@code n} draws. */
        boolean chance(int k, int n) {
            return below(n) >= n - k;
        }

        <T> T pick(List<T> choices) {
            return choices.get(below(choices.size()));
        }
    }
}
