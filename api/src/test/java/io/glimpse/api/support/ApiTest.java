package io.glimpse.api.support;

import io.glimpse.processing.Processors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * Base of the end-to-end HTTP tests: a client for the application on its random port and the
 * steps most tests start with. Tests share one application per database, so every test makes
 * its own users with {@link #unique(String)} names.
 */
public abstract class ApiTest {

    public static final String ADMIN = "root_admin";
    public static final String PASSWORD = "correct horse battery";
    /** Small, so that tests can make a celebrity whose posts are not fanned out. */
    public static final int CELEBRITY_THRESHOLD = 3;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private EventStore eventStore;

    protected RestTestClient http;

    @BeforeEach
    void connect() {
        // The JDK's client, which shows redirects instead of following them; left to choose, the
        // client would take Apache HttpClient 5 (on the classpath for Elasticsearch), which follows them.
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://localhost:" + port).build();
    }

    /** A logged-in user as the tests see it. */
    public record Account(UUID id, String username, String email, String accessToken, String refreshToken) {

        public Consumer<HttpHeaders> bearer() {
            return headers -> headers.setBearerAuth(accessToken);
        }
    }

    /** A username no other test uses: the prefix, then a sequence number and random letters. */
    protected static String unique(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
    }

    protected Account register(String usernamePrefix) {
        return registerExactly(unique(usernamePrefix));
    }

    protected Account registerExactly(String username) {
        String email = username + "@example.com";
        Map<?, ?> session = http.post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return accountFrom(session, email);
    }

    protected Account login(String login, String password) {
        Map<?, ?> session = http.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", login, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return accountFrom(session, login);
    }

    /** The configured admin, registered on first use. */
    protected Account admin() {
        var found = http.get().uri("/api/users/" + ADMIN).exchange().returnResult(Void.class).getStatus();
        return found.is2xxSuccessful() ? login(ADMIN, PASSWORD) : registerExactly(ADMIN);
    }

    /** The user's profile as {@code viewer} (or an anonymous caller, when {@code null}) sees it. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> profile(String username, Account viewer) {
        return (Map<String, Object>) http.get().uri("/api/users/" + username)
                .headers(headers -> {
                    if (viewer != null) {
                        headers.setBearerAuth(viewer.accessToken());
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Registers several users at once, as a crowd for concurrency tests. */
    protected java.util.List<Account> registerMany(String prefix, int count) {
        return Concurrently.run(java.util.stream.IntStream.range(0, count)
                .<java.util.concurrent.Callable<Account>>mapToObj(i -> () -> register(prefix)).toList());
    }

    /** Makes {@code follower} follow {@code followee}. */
    protected void startFollowing(Account follower, Account followee) {
        http.post().uri("/api/users/" + followee.username() + "/follow").headers(follower.bearer()).exchange()
                .expectStatus().isNoContent();
    }

    /**
     * Waits until every event processor has processed every event stored so far: for what a write
     * does not wait for (another user's notifications, search, the followers' timelines).
     */
    protected void awaitProcessed() {
        long head = Processors.head(eventStore);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> !processor.isError())
                .allMatch(processor -> Processors.hasReached(processor, head)));
    }

    /** A text post by {@code author}; answers its id. */
    protected String post(Account author, String caption) {
        return (String) http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", caption)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** A GET that must answer 200, as {@code viewer} (anonymous when {@code null}). */
    protected Map<String, Object> read(String uri, Account viewer) {
        return read(http.get().uri(uri), viewer);
    }

    /** {@link #read(String, Account)} of a URI taken as it is (already encoded, not a template). */
    protected Map<String, Object> read(java.net.URI uri, Account viewer) {
        return read(http.get().uri(uri), viewer);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(RestTestClient.RequestHeadersSpec<?> request, Account viewer) {
        return (Map<String, Object>) request
                .headers(headers -> {
                    if (viewer != null) {
                        headers.setBearerAuth(viewer.accessToken());
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Account accountFrom(Map<?, ?> session, String email) {
        Map<?, ?> user = (Map<?, ?>) session.get("user");
        return new Account(UUID.fromString((String) user.get("id")), (String) user.get("username"), email,
                (String) session.get("accessToken"), (String) session.get("refreshToken"));
    }
}
