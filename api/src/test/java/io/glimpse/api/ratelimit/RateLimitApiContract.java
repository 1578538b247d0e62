package io.glimpse.api.ratelimit;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits end to end, with small quotas (per hour, so that no token comes back during a
 * test). Tomcat takes the client address from {@code X-Forwarded-For}, as behind a proxy
 * ({@code server.forward-headers-strategy=native}), so that every test can call from addresses
 * of its own.
 */
abstract class RateLimitApiContract extends ApiTest {

    /** Properties of both runs; each adds its store. */
    static final String ENABLED = "glimpse.rate-limits.enabled=true";
    static final String ACCOUNT = "glimpse.rate-limits.account=12/1h";
    static final String ANONYMOUS = "glimpse.rate-limits.anonymous=8/1h";
    static final String LOGIN_QUOTA = "3/1h";
    static final String LOGIN = "glimpse.rate-limits.login=" + LOGIN_QUOTA;
    static final String SIGN_UP = "glimpse.rate-limits.sign-up=3/1h";
    static final String UPLOADS = "glimpse.rate-limits.uploads=2/1h";
    static final String BEHIND_A_PROXY = "server.forward-headers-strategy=native";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Test
    void allowedResponsesCarryTheRateLimitFields() {
        Account me = registerFrom(freshAddress());
        EntityExchangeResult<Void> first = http.get().uri("/api/auth/me").headers(me.bearer()).exchange()
                .expectStatus().isOk().returnResult(Void.class);
        assertThat(first.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("12");
        assertThat(first.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("11");
        assertThat(Long.parseLong(first.getResponseHeaders().getFirst("RateLimit-Reset")))
                .as("one token comes back every 3600 / 12 s").isBetween(1L, 300L);
        assertThat(first.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("12;w=3600");
        assertThat(first.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        http.get().uri("/api/auth/me").headers(me.bearer()).exchange()
                .expectHeader().valueEquals("RateLimit-Remaining", "10");

        http.get().uri("/api/users/" + me.username()).headers(from(freshAddress())).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "8")
                .expectHeader().valueEquals("RateLimit-Remaining", "7");
    }

    @Test
    void anAccountOverItsQuotaIsAnsweredTooManyRequestsAsAProblem() {
        Account me = registerFrom(freshAddress());
        spend(12, "/api/auth/me", me.bearer());

        EntityExchangeResult<byte[]> refused = http.get().uri("/api/auth/me").headers(me.bearer()).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("RateLimit-Limit", "12")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().valueEquals("RateLimit-Policy", "12;w=3600")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/rate-limited")
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).matches(
                        "Too many requests: the account limit allows 12 requests per hour\\. Try again in \\d+ s\\."))
                .jsonPath("$.instance").isEqualTo("/api/auth/me")
                .jsonPath("$.limit").isEqualTo("account")
                .jsonPath("$.trace").doesNotExist()
                .returnResult();
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).as("a token every 300 s").isBetween(240L, 300L);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("RateLimit-Reset")))
                .as("the whole quota is back after an hour").isBetween(3540L, 3600L);
    }

    @Test
    void eachAccountHasABudgetOfItsOwnAlsoFromOneAddress() {
        String address = freshAddress();
        Account spent = registerFrom(address);
        Account other = registerFrom(address);
        spend(12, "/api/auth/me", spent.bearer());
        status("/api/auth/me", spent.bearer(), HttpStatus.TOO_MANY_REQUESTS);

        status("/api/auth/me", other.bearer(), HttpStatus.OK);
        status("/api/users/" + other.username(), from(address), HttpStatus.OK);
    }

    @Test
    void callsWithoutATokenAreLimitedPerAddress() {
        Account someone = registerFrom(freshAddress());
        String address = freshAddress();
        String profile = "/api/users/" + someone.username();
        spend(8, profile, from(address));
        http.get().uri(profile).headers(from(address)).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.limit").isEqualTo("anonymous");

        status(profile, from(freshAddress()), HttpStatus.OK);
        status(profile, from(address).andThen(someone.bearer()), HttpStatus.OK);
    }

    @Test
    void loginIsLimitedPerAddressWhateverThePasswordOrToken() {
        Account me = registerFrom(freshAddress());
        String address = freshAddress();
        assertThat(login(me, "wrong password", from(address))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.OK);
        assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.OK);

        assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(login(me, PASSWORD, from(address).andThen(me.bearer()))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(login(me, PASSWORD, from(freshAddress()))).isEqualTo(HttpStatus.OK);
        status("/api/auth/me", from(address).andThen(me.bearer()), HttpStatus.OK);
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64() {
        Account me = registerFrom(freshAddress());
        String network = "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":1:";
        for (int i = 1; i <= 3; i++) {
            assertThat(login(me, PASSWORD, from(network + ":" + i))).isEqualTo(HttpStatus.OK);
        }
        assertThat(login(me, PASSWORD, from(network + ":4"))).as("another address of the same /64")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        String nextNetwork = network.replace(":1:", ":2:");
        assertThat(login(me, PASSWORD, from(nextNetwork + ":1"))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void signUpIsLimitedPerAddress() {
        String address = freshAddress();
        for (int i = 0; i < 3; i++) {
            registerFrom(address);
        }
        register(unique("rl"), from(address)).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectBody().jsonPath("$.limit").isEqualTo("sign-up");
        registerFrom(freshAddress());
    }

    @Test
    void uploadsHaveATighterBudgetOfTheirOwnPerAccount() {
        Account me = registerFrom(freshAddress());
        avatar(me).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "2")
                .expectHeader().valueEquals("RateLimit-Remaining", "1");
        imagePost(me).expectStatus().isCreated()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");

        imagePost(me).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody().jsonPath("$.limit").isEqualTo("uploads");
        avatar(me).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        post(me, "Text still goes out: only uploads are spent");
        avatar(registerFrom(freshAddress())).expectStatus().isOk();
    }

    @Test
    void healthMetricsAndDocumentsAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            http.get().uri("/actuator/health").headers(from("192.0.2.200")).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
        http.get().uri("/v3/api-docs").exchange().expectHeader().doesNotExist("RateLimit-Limit");
    }

    @Test
    void refusalsAreCountedByLimit() {
        String address = freshAddress();
        for (int i = 0; i < 4; i++) {
            login(new Account(UUID.randomUUID(), "nobody", "nobody", "", ""), "wrong password", from(address));
        }
        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("glimpse_rate_limit_rejections_total\\{[^}]*limit=\"login\"[^}]*\\} [1-9]");
        for (String limit : new String[]{"account", "anonymous", "sign-up", "uploads"}) {
            assertThat(metrics).containsPattern("glimpse_rate_limit_rejections_total\\{[^}]*limit=\"" + limit + "\"");
        }
    }

    /** A client address no other test uses, from the documentation ranges. */
    static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** The call comes from {@code address} (through a trusted proxy, as far as Tomcat knows). */
    static Consumer<HttpHeaders> from(String address) {
        return headers -> headers.set("X-Forwarded-For", address);
    }

    Account registerFrom(String address) {
        String username = unique("rl");
        Map<?, ?> session = register(username, from(address)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> user = (Map<?, ?>) session.get("user");
        return new Account(UUID.fromString((String) user.get("id")), username, username + "@example.com",
                (String) session.get("accessToken"), (String) session.get("refreshToken"));
    }

    private RestTestClient.ResponseSpec register(String username, Consumer<HttpHeaders> headers) {
        return http.post().uri("/api/auth/register").headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
                .exchange();
    }

    HttpStatus login(Account account, String password, Consumer<HttpHeaders> headers) {
        return HttpStatus.valueOf(http.post().uri("/api/auth/login").headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", account.username(), "password", password))
                .exchange().returnResult(Void.class).getStatus().value());
    }

    private void spend(int calls, String uri, Consumer<HttpHeaders> headers) {
        for (int i = 0; i < calls; i++) {
            status(uri, headers, HttpStatus.OK);
        }
    }

    private void status(String uri, Consumer<HttpHeaders> headers, HttpStatus expected) {
        http.get().uri(uri).headers(headers).exchange().expectStatus().isEqualTo(expected);
    }

    private RestTestClient.ResponseSpec avatar(Account account) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", image());
        return http.put().uri("/api/users/" + account.username() + "/avatar").headers(account.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
    }

    private RestTestClient.ResponseSpec imagePost(Account account) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("caption", "A picture");
        body.part("files", image()).contentType(MediaType.IMAGE_PNG);
        return http.post().uri("/api/posts").headers(account.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
    }

    private static ByteArrayResource image() {
        return new ByteArrayResource(TestImages.png(40, 30)) {
            @Override
            public String getFilename() {
                return "picture.png";
            }
        };
    }
}
