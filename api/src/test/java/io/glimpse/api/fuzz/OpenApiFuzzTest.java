package io.glimpse.api.fuzz;

import io.glimpse.api.fuzz.ApiOperations.Operation;
import io.glimpse.api.fuzz.FuzzRequest.Caller;
import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * A property-based fuzz of every operation in the OpenAPI document, as an attacker or a careless
 * client would call them: whatever the request, the answer is never a 5xx, and every error is
 * RFC 9457 problem+json (Mastodon's {@code {"error"}} JSON on the Mastodon API's paths). Requests
 * are drawn by QuickTheories from a fixed seed (change it with {@code -Dglimpse.fuzz.seed=N}, the
 * count with {@code -Dglimpse.fuzz.requests=N}); a failure is shrunk to a small request and
 * reported with the seed. The application is this class's own: the fuzz deletes and changes what
 * it finds, admin calls included.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = "glimpse.test.application=fuzz")
class OpenApiFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("glimpse.fuzz.seed", 20261207L);
    private static final int REQUESTS = Integer.getInteger("glimpse.fuzz.requests", 10_000);

    private final AtomicInteger sent = new AtomicInteger();
    private List<Operation> operations;
    private RequestGenerator generator;
    private Account user;
    private Account admin;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void fixtures() {
        Map<String, Object> document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        operations = ApiOperations.of(document);
        user = register("fuzzed");
        admin = admin();
        Account other = register("bystander");
        startFollowing(other, user);
        String postId = post(user, "fuzz me #sunset @" + other.username());
        String commentId = (String) http.post().uri("/api/posts/" + postId + "/comments").headers(other.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "a comment")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        List<String> names = List.of(user.username(), other.username(), "me", "sunset", "posts", "timeline");
        List<String> ids = List.of(postId, commentId, user.id().toString(), other.id().toString());
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        generator = new RequestGenerator(operations, schemas, names, ids);
    }

    @Test
    void noRequestToAnyOperationGetsA5xxAndEveryErrorIsAProblem() {
        assertThat(operations).hasSizeGreaterThan(50);
        qt().withFixedSeed(SEED).withExamples(REQUESTS + 1).withShrinkCycles(100) // it runs one fewer than asked
                .forAll(generator.requests())
                .checkAssert(this::sendAndCheck);
        assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
    }

    @Test
    void everyOperationMeetsEachKindOfMalformedRequest() {
        List<String> kinds = List.of("?=1e309&q=%ff&cursor=%C0", "?=/", "?limit=%", "");
        for (Operation operation : operations) {
            String path = operation.path().replaceAll("\\{[^}]+}", "%ff");
            String slashed = operation.path().replaceAll("\\{[^}]+}", "a%2fb");
            // A stream's success never ends: only refusals are fuzzed there.
            Caller caller = operation.streams() ? Caller.ANONYMOUS : Caller.USER;
            List<FuzzRequest> requests = new ArrayList<>();
            for (String query : kinds) {
                requests.add(request(operation, path + query, caller, List.of(), ""));
            }
            requests.add(request(operation, slashed, caller, List.of(), ""));
            requests.add(request(operation, operation.path(), Caller.BROKEN, List.of("Authorization: Bearer a\u0001b"), ""));
            requests.add(request(operation, operation.path(), Caller.BROKEN, List.of("Authorization: Bearer a.b.c"), ""));
            requests.add(request(operation, path, caller, List.of("Content-Type: multipart/form-data"), "--x\r\nbroken"));
            requests.add(request(operation, path, caller, List.of("Content-Type: application/json"), "{\"a\": [[["));
            requests.forEach(this::sendAndCheck);
        }
        assertThat(sent.get()).isGreaterThanOrEqualTo(operations.size() * 9);
    }

    private static FuzzRequest request(Operation operation, String target, Caller caller, List<String> headers, String body) {
        return new FuzzRequest(operation, operation.method(), target, caller, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private void sendAndCheck(FuzzRequest request) {
        RawHttp.Response response = RawHttp.send(port, request.head(user.accessToken(), admin.accessToken()), request.body());
        sent.incrementAndGet();
        String context = request + "\n  -> " + response.status() + " " + response.headers() + " " + abbreviate(response.body());
        assertThat(response.status()).as(context).isLessThan(500);
        if (response.status() >= 400) {
            assertIsAnError(request, response, context);
        }
        if (response.status() < 300 && (request.caller() == Caller.USER || request.caller() == Caller.ADMIN)
                && request.target().matches("/(api/auth/logout|oauth/revoke|api/users/[^/?]+)([?/].*)?")) {
            keepCallersLoggedIn();
        }
    }

    private static void assertIsAnError(FuzzRequest request, RawHttp.Response response, String context) {
        String type = response.contentType();
        boolean mastodonError = request.operation().isMastodon() && type.startsWith(MediaType.APPLICATION_JSON_VALUE);
        if (!mastodonError) {
            assertThat(type).as(context).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        if (!"HEAD".equals(request.method())) {
            assertThat(response.body()).as(context).contains(mastodonError ? "\"error\"" : "\"status\":" + response.status());
        }
    }

    /** A logout, a revocation or an account deletion drawn by the fuzz ends the fixtures' sessions: new ones. */
    private void keepCallersLoggedIn() {
        int status = http.get().uri("/api/auth/me").headers(user.bearer()).exchange().returnResult(Void.class).getStatus().value();
        if (status == 401) {
            user = http.get().uri("/api/users/" + user.username()).exchange().returnResult(Void.class).getStatus().value() == 200
                    ? login(user.username(), PASSWORD) : register("fuzzed");
        }
        status = http.get().uri("/api/auth/me").headers(admin.bearer()).exchange().returnResult(Void.class).getStatus().value();
        if (status == 401) {
            admin = login(ADMIN, PASSWORD);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
