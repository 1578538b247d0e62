package io.glimpse.reliability;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small JSON client for the application on a port; a connection failure is status -1, not an exception. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Router router;

    /** Which port a request goes to: one application, or several nodes by their roles ({@link ClusterRouter}). */
    interface Router {
        int port(String method, String path);
    }

    Http(int port) {
        this((method, path) -> port);
    }

    Http(Router router) {
        this.router = router;
    }

    /** An answer: its status (-1 when there was none), content type, Retry-After and body. */
    record Answer(int status, String contentType, String retryAfter, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json")
                    && json().get("status") instanceof Number number && number.intValue() == status;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        String describe() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /**
     * The only error the suite's loads accept: 503 problem+json with Retry-After (a service is
     * down). Their requests are valid, so any 4xx, and any other 5xx, is a defect.
     */
    static boolean cleanRefusal(Answer answer) {
        return answer.status() == 503 && answer.isProblem() && answer.retryAfter() != null;
    }

    Answer send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port(method, path) + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            return new Answer(-1, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, e.toString());
        }
    }

    /** A read that must answer 200. */
    Map<String, Object> read(String path, String token) {
        Answer answer = send("GET", path, token, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer.describe());
        }
        return answer.json();
    }
}
