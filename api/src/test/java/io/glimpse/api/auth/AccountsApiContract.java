package io.glimpse.api.auth;

import io.glimpse.api.security.JwtSigningKey;
import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.Concurrently;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and auth end to end over HTTP (API.md "Accounts and auth" and the user rows of
 * "Users"). Runs on every database: see the subclasses.
 */
@SuppressWarnings("unchecked")
public abstract class AccountsApiContract extends ApiTest {

    @Autowired
    JwtSigningKey signingKey;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAnswersTheUserAndATokenPair() {
        String username = unique("Reg");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD,
                        "displayName", "Reggie"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/users/" + username.toLowerCase())
                .expectBody()
                .jsonPath("$.user.username").isEqualTo(username.toLowerCase())
                .jsonPath("$.user.displayName").isEqualTo("Reggie")
                .jsonPath("$.user.followersCount").isEqualTo(0)
                .jsonPath("$.user.createdAt").value(String.class, createdAt -> assertThat(createdAt)
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
                .jsonPath("$.user.email").doesNotExist()
                .jsonPath("$.accessToken").isNotEmpty()
                .jsonPath("$.refreshToken").isNotEmpty()
                .jsonPath("$.expiresIn").isEqualTo(900);
    }

    @Test
    void registrationIsValidatedFieldByField() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "no way!", "email", "not-an-email", "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("username", "email", "password"));
    }

    @Test
    void usernamesAndEmailsAreUniqueWhateverTheirCase() {
        Account taken = register("uniq");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", taken.username().toUpperCase(), "email", "other-" + taken.email(),
                        "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", unique("other"), "email", taken.email().toUpperCase(), "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void ofTwentyConcurrentRegistrationsOfOneUsernameExactlyOneWins() {
        String username = unique("race");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "racer" + i + "-" + username + "@example.com";
            attempts.add(() -> http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "email", email, "password", PASSWORD))
                    .exchange().returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = Concurrently.run(attempts);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
        assertThat(jdbc.sql("select count(*) from user_view where username = ?").param(username)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void loginWorksWithTheUsernameOrTheEmailInAnyCase() {
        Account account = register("login");
        assertThat(login(account.username().toUpperCase(), PASSWORD).id()).isEqualTo(account.id());
        assertThat(login(account.email().toUpperCase(), PASSWORD).id()).isEqualTo(account.id());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        Account account = register("badlogin");
        String wrongPassword = loginProblem(account.username(), "wrong password!");
        String unknownUser = loginProblem(unique("nobody"), PASSWORD);
        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo("Invalid login or password");
    }

    private String loginProblem(String login, String password) {
        return (String) http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", login, "password", password))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(Map.class).returnResult().getResponseBody().get("detail");
    }

    @Test
    void meIsTheLoggedInUser() {
        Account account = register("me");
        http.get().uri("/api/auth/me").headers(account.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(account.id().toString());
        http.get().uri("/api/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refreshRotatesAndReusingAnOldRefreshTokenRevokesTheWholeSession() {
        Account account = register("rotate");
        Map<?, ?> next = refresh(account.refreshToken(), HttpStatus.OK);
        assertThat(next.get("refreshToken")).isNotEqualTo(account.refreshToken());
        http.get().uri("/api/auth/me").headers(h -> h.setBearerAuth((String) next.get("accessToken"))).exchange()
                .expectStatus().isOk();

        refresh(account.refreshToken(), HttpStatus.UNAUTHORIZED);

        refresh((String) next.get("refreshToken"), HttpStatus.UNAUTHORIZED);
        http.get().uri("/api/auth/me").headers(h -> h.setBearerAuth((String) next.get("accessToken"))).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void logoutEndsTheSessionButNotTheUsersOtherSessions() {
        Account account = register("logout");
        Account otherDevice = login(account.username(), PASSWORD);
        http.post().uri("/api/auth/logout").headers(account.bearer()).exchange().expectStatus().isNoContent();

        http.get().uri("/api/auth/me").headers(account.bearer()).exchange().expectStatus().isUnauthorized();
        refresh(account.refreshToken(), HttpStatus.UNAUTHORIZED);
        http.get().uri("/api/auth/me").headers(otherDevice.bearer()).exchange().expectStatus().isOk();
    }

    private Map<?, ?> refresh(String refreshToken, HttpStatus expected) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refreshToken", refreshToken))
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void forgedExpiredAndUnsignedTokensAreRejected() {
        Account account = register("forge");
        String[] parts = account.accessToken().split("\\.");
        String unsigned = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String otherKey = Jwts.builder().issuer("glimpse").subject(account.id().toString())
                .claim("username", account.username()).claim("roles", List.of("USER", "ADMIN"))
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(new byte[64])).compact();
        String expired = Jwts.builder().issuer("glimpse").subject(account.id().toString())
                .claim("username", account.username()).claim("sid", UUID.randomUUID().toString())
                .issuedAt(Date.from(Instant.now().minusSeconds(3600)))
                .expiration(Date.from(Instant.now().minusSeconds(60)))
                .signWith(signingKey.key()).compact();
        String tampered = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("\"USER\"]", "\"USER\",\"ADMIN\"]")) + "." + parts[2];

        for (String token : List.of(unsigned, otherKey, expired, tampered, "garbage")) {
            http.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void profilesArePublicAndUnknownUsersAre404() {
        Account account = register("public");
        http.get().uri("/api/users/" + account.username()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo(account.username());
        http.get().uri("/api/users/" + unique("ghost")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void onlyTheOwnerUpdatesTheProfileAndReadsItBackAtOnce() {
        Account owner = register("owner");
        Account other = register("other");
        http.patch().uri("/api/users/" + owner.username()).headers(owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "Shooting film", "displayName", "O. Wner"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bio").isEqualTo("Shooting film");
        http.get().uri("/api/users/" + owner.username()).exchange()
                .expectBody().jsonPath("$.displayName").isEqualTo("O. Wner");

        for (Account intruder : List.of(other, admin())) {
            http.patch().uri("/api/users/" + owner.username()).headers(intruder.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "pwned"))
                    .exchange()
                    .expectStatus().isForbidden();
        }
        http.patch().uri("/api/users/" + owner.username()).headers(owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "x".repeat(151)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("bio");
        http.get().uri("/api/users/" + owner.username()).exchange()
                .expectBody().jsonPath("$.bio").isEqualTo("Shooting film");
    }

    @Test
    void deletingAnAccountErasesItKeepsTheUsernameReservedAndFreesTheEmail() {
        Account doomed = register("doomed");
        Account stranger = register("stranger");
        http.delete().uri("/api/users/" + doomed.username()).headers(stranger.bearer()).exchange()
                .expectStatus().isForbidden();

        http.delete().uri("/api/users/" + doomed.username()).headers(doomed.bearer()).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/users/" + doomed.username()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/auth/me").headers(doomed.bearer()).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", doomed.username(), "password", PASSWORD))
                .exchange().expectStatus().isUnauthorized();
        assertThat(jdbc.sql("select count(*) from user_view where id = ?").param(doomed.id())
                .query(Long.class).single()).isZero();
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", doomed.username(), "email", unique("new") + "@example.com",
                        "password", PASSWORD))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", unique("reborn"), "email", doomed.email(), "password", PASSWORD))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void anAdminDeletesAnyAccountAndDeletingTwiceIsFine() {
        Account user = register("victim");
        Account admin = admin();
        http.delete().uri("/api/users/" + user.username()).headers(admin.bearer()).exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/users/" + user.username()).headers(admin.bearer()).exchange()
                .expectStatus().isNoContent();
        http.get().uri("/api/auth/me").headers(user.bearer()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyAdminsListUsersNewestFirstPageByPage() {
        String prefix = "lst" + UUID.randomUUID().toString().substring(0, 4);
        List<Account> listed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listed.add(registerExactly(prefix + "_" + i));
        }
        http.get().uri("/api/users").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/users").headers(listed.get(0).bearer()).exchange().expectStatus().isForbidden();

        Account admin = admin();
        Map<?, ?> first = http.get().uri("/api/users?q={q}&limit=2", prefix).headers(admin.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(usernames(first)).containsExactly(prefix + "_2", prefix + "_1");
        Map<?, ?> second = http.get().uri("/api/users?q={q}&limit=2&cursor={c}", prefix, first.get("nextCursor"))
                .headers(admin.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(usernames(second)).containsExactly(prefix + "_0");
        assertThat(second.get("nextCursor")).isNull();

        http.get().uri("/api/users?limit=0").headers(admin.bearer()).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/users?cursor=bogus").headers(admin.bearer()).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/users?limit=1000").headers(admin.bearer()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").value(Integer.class, size -> assertThat(size).isLessThanOrEqualTo(100));
    }

    private static List<Object> usernames(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("username")).toList();
    }

    @Test
    void eventsAreStoredAsReadableJson() {
        Account account = register("json");
        List<String> payloads = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                .param(account.id().toString())
                .query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
        assertThat(payloads).singleElement().asString()
                .startsWith("{")
                .contains("\"username\":\"" + account.username() + "\"");
    }

    @Test
    void theAdminTokenCarriesTheAdminRole() {
        String payload = new String(Base64.getUrlDecoder().decode(admin().accessToken().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"ADMIN\"");
        http.get().uri("/api/users?q=" + ADMIN).headers(admin().bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].username").value(List.class, names -> assertThat((List<Object>) names).contains(ADMIN));
    }
}
