package io.glimpse.api.mastodon;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.glimpse.api.mastodon.MastodonEntities.assertShape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Mastodon client API end to end: OAuth, entities as Mastodon documents them, pagination, errors. */
@SuppressWarnings("unchecked")
public abstract class MastodonApiContract extends ApiTest {

    private static final String REDIRECT = "https://client.example/callback";

    // ---- OAuth -------------------------------------------------------------------------------

    @Test
    void anAppGetsAUserTokenThroughTheLoginPageWithPkce() throws Exception {
        Account alice = register("m_alice");
        Map<String, Object> app = registerApp("read write follow");
        assertShape(app, MastodonEntities.APPLICATION);
        String verifier = "v".repeat(20) + UUID.randomUUID().toString().replace("-", "");
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        String page = http.get().uri(b -> b.path("/oauth/authorize").queryParam("response_type", "code")
                        .queryParam("client_id", app.get("client_id")).queryParam("redirect_uri", REDIRECT)
                        .queryParam("scope", "read write").queryParam("state", "xyz")
                        .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256").build())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<form", "name=\"password\"", challenge);

        MultiValueMap<String, String> login = authorizeForm(app, challenge);
        login.add("login", alice.username());
        login.add("password", "wrong password!");
        http.post().uri("/oauth/authorize").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(login).exchange()
                .expectStatus().isUnauthorized();
        login.set("password", PASSWORD);
        URI location = http.post().uri("/oauth/authorize").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(login)
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        Map<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
        assertThat(location.toString()).startsWith(REDIRECT);
        assertThat(query).containsEntry("state", "xyz");

        Map<String, Object> codeExchange = Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "client_id", app.get("client_id"), "client_secret", app.get("client_secret"),
                "redirect_uri", REDIRECT, "code_verifier", "x" + verifier);
        assertThat(token(codeExchange, 400)).containsEntry("error", "invalid_grant"); // wrong verifier burns the code
        String code = authorize(app, alice, challenge);
        Map<String, Object> token = token(Map.of("grant_type", "authorization_code", "code", code,
                "client_id", app.get("client_id"), "client_secret", app.get("client_secret"),
                "redirect_uri", REDIRECT, "code_verifier", verifier), 200);
        assertShape(token, MastodonEntities.TOKEN);
        assertThat(token).containsEntry("token_type", "Bearer").containsEntry("scope", "read write");
        assertThat(token(Map.of("grant_type", "authorization_code", "code", code, "client_id", app.get("client_id"),
                "client_secret", app.get("client_secret"), "redirect_uri", REDIRECT, "code_verifier", verifier), 400))
                .containsEntry("error", "invalid_grant"); // a code works once

        String accessToken = (String) token.get("access_token");
        Map<String, Object> me = get("/api/v1/accounts/verify_credentials", accessToken, 200);
        assertShape(me, MastodonEntities.ACCOUNT);
        assertThat(me).containsEntry("id", alice.id().toString()).containsEntry("acct", alice.username());
        assertThat((Map<String, Object>) me.get("source")).containsKeys("note", "privacy", "fields");

        http.post().uri("/oauth/revoke").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("client_id", app.get("client_id"), "client_secret", app.get("client_secret"),
                        "token", accessToken)).exchange().expectStatus().isOk();
        assertThat(get("/api/v1/accounts/verify_credentials", accessToken, 401))
                .containsEntry("error", "The access token is invalid");
    }

    @Test
    void anAuthorizeRequestForAnUnregisteredRedirectIsRefusedWithoutRedirecting() {
        Map<String, Object> app = registerApp("read");
        http.get().uri(b -> b.path("/oauth/authorize").queryParam("response_type", "code")
                        .queryParam("client_id", app.get("client_id")).queryParam("redirect_uri", "https://evil.example/")
                        .build())
                .exchange().expectStatus().isBadRequest().expectHeader().doesNotExist(HttpHeaders.LOCATION);
    }

    @Test
    void scopesLimitWhatATokenMayDoAndRefreshRotatesTheToken() {
        Account bob = register("m_bob");
        Map<String, Object> app = registerApp("read write");
        assertThat(token(passwordGrant(app, bob, "read admin:write"), 400)).containsEntry("error", "invalid_scope");
        Map<String, Object> readOnly = token(passwordGrant(app, bob, "read"), 200);
        String reader = (String) readOnly.get("access_token");
        assertThat(getList("/api/v1/timelines/home", reader)).isEmpty();
        assertThat(postStatus(reader, Map.of("status", "hello"), 403))
                .containsEntry("error", "This action is outside the authorized scopes");

        Map<String, Object> refreshed = token(Map.of("grant_type", "refresh_token",
                "refresh_token", readOnly.get("refresh_token"), "client_id", app.get("client_id"),
                "client_secret", app.get("client_secret")), 200);
        assertThat(refreshed.get("access_token")).isNotEqualTo(reader);
        assertThat(refreshed).containsEntry("scope", "read");
        get("/api/v1/accounts/verify_credentials", (String) refreshed.get("access_token"), 200);
        get("/api/v1/accounts/verify_credentials", reader, 401);
        // the old refresh token again: reuse, so the session ends
        token(Map.of("grant_type", "refresh_token", "refresh_token", readOnly.get("refresh_token"),
                "client_id", app.get("client_id"), "client_secret", app.get("client_secret")), 400);
        get("/api/v1/accounts/verify_credentials", (String) refreshed.get("access_token"), 401);

        assertThat(token(Map.of("grant_type", "password", "username", bob.username(), "password", "nope nope nope",
                "client_id", app.get("client_id"), "client_secret", app.get("client_secret")), 400))
                .containsEntry("error", "invalid_grant");
        assertThat(token(Map.of("grant_type", "password", "username", bob.username(), "password", PASSWORD,
                "client_id", app.get("client_id"), "client_secret", "wrong"), 401)).containsEntry("error", "invalid_client");
    }

    @Test
    void anAppTokenSignsUpAnAccount() {
        Map<String, Object> app = registerApp("read write");
        String appToken = (String) token(Map.of("grant_type", "client_credentials", "client_id", app.get("client_id"),
                "client_secret", app.get("client_secret"), "scope", "read write"), 200).get("access_token");
        assertThat(get("/api/v1/apps/verify_credentials", appToken, 200)).containsEntry("name", app.get("name"));
        assertThat(get("/api/v1/notifications/unread_count", appToken, 422))
                .containsEntry("error", "This method requires an authenticated user");
        String username = unique("m_new");
        Map<String, Object> signUp = Map.of("username", username, "email", username + "@example.com",
                "password", PASSWORD, "agreement", true, "locale", "en");
        Map<String, Object> token = http.post().uri("/api/v1/accounts").headers(h -> h.setBearerAuth(appToken))
                .contentType(MediaType.APPLICATION_JSON).body(signUp).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertShape(token, MastodonEntities.TOKEN);
        assertThat(get("/api/v1/accounts/verify_credentials", (String) token.get("access_token"), 200))
                .containsEntry("username", username);
        Map<String, Object> again = http.post().uri("/api/v1/accounts").headers(h -> h.setBearerAuth(appToken))
                .contentType(MediaType.APPLICATION_JSON).body(signUp).exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) again.get("error")).startsWith("Validation failed");
        String other = unique("m_weak");
        Map<String, Object> weak = http.post().uri("/api/v1/accounts").headers(h -> h.setBearerAuth(appToken))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", other, "email", other + "@example.com", "password", "password1",
                        "agreement", true, "locale", "en"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) weak.get("error")).isEqualTo(
                "Validation failed: Password is one of the most common passwords, which attackers try first; choose another");
    }

    // ---- Instance ----------------------------------------------------------------------------

    @Test
    void theInstanceDescribesItselfToClients() {
        Map<String, Object> v2 = get("/api/v2/instance", null, 200);
        assertShape(v2, MastodonEntities.INSTANCE_V2);
        Map<String, Object> statuses = (Map<String, Object>) ((Map<String, Object>) v2.get("configuration")).get("statuses");
        assertThat(statuses).containsEntry("max_media_attachments", 10);
        assertShape(get("/api/v1/instance", null, 200), MastodonEntities.INSTANCE_V1);
        assertThat(http.get().uri("/api/v1/custom_emojis").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody()).isEmpty();
        Map<String, Object> links = get("/.well-known/nodeinfo", null, 200);
        String href = (String) ((List<Map<String, Object>>) links.get("links")).get(0).get("href");
        Map<String, Object> nodeinfo = get(URI.create(href).getPath(), null, 200);
        assertThat(nodeinfo).containsEntry("version", "2.0").containsKeys("software", "usage", "openRegistrations");
        Map<String, Object> oauth = get("/.well-known/oauth-authorization-server", null, 200);
        assertThat((List<String>) oauth.get("code_challenge_methods_supported")).containsExactly("S256");
        assertThat((List<String>) oauth.get("grant_types_supported")).contains("authorization_code", "password");
    }

    // ---- Statuses ----------------------------------------------------------------------------

    @Test
    void statusesArePostsAndRepliesAreComments() {
        Account carol = register("m_carol");
        Account dave = register("m_dave");
        String carolToken = mastodonToken(carol);
        String daveToken = mastodonToken(dave);

        String key = UUID.randomUUID().toString();
        Map<String, Object> status = http.post().uri("/api/v1/statuses").headers(h -> {
                    h.setBearerAuth(carolToken);
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "Sunset at the pier #sunset <3"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertShape(status, MastodonEntities.STATUS);
        assertShape(status.get("account"), MastodonEntities.ACCOUNT);
        assertThat(status).containsEntry("visibility", "public").containsEntry("in_reply_to_id", null)
                .containsEntry("content", "<p>Sunset at the pier #sunset &lt;3</p>");
        assertShape(((List<Object>) status.get("tags")).get(0), MastodonEntities.TAG);
        assertThat(((List<Map<String, Object>>) status.get("tags")).get(0)).containsEntry("name", "sunset");
        Map<String, Object> retried = http.post().uri("/api/v1/statuses").headers(h -> {
                    h.setBearerAuth(carolToken);
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "Sunset at the pier #sunset <3"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(retried.get("id")).isEqualTo(status.get("id"));
        String postId = (String) status.get("id");

        // a reply from a form body, as older clients send it
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("status", "@" + carol.username() + " lovely");
        form.add("in_reply_to_id", postId);
        Map<String, Object> reply = http.post().uri("/api/v1/statuses").headers(h -> h.setBearerAuth(daveToken))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(reply).containsEntry("in_reply_to_id", postId)
                .containsEntry("in_reply_to_account_id", carol.id().toString());
        assertThat(((List<Map<String, Object>>) reply.get("mentions")).get(0)).containsEntry("acct", carol.username());

        Map<String, Object> context = get("/api/v1/statuses/" + postId + "/context", null, 200);
        assertThat((List<Object>) context.get("ancestors")).isEmpty();
        assertThat(((List<Map<String, Object>>) context.get("descendants")).get(0)).containsEntry("id", reply.get("id"));
        assertThat(((List<Map<String, Object>>) get("/api/v1/statuses/" + reply.get("id") + "/context", null, 200)
                .get("ancestors")).get(0)).containsEntry("id", postId);
        assertThat(get("/api/v1/statuses/" + postId, null, 200)).containsEntry("replies_count", 1);

        Map<String, Object> liked = post("/api/v1/statuses/" + postId + "/favourite", daveToken, 200);
        assertThat(liked).containsEntry("favourited", true).containsEntry("favourites_count", 1);
        List<Map<String, Object>> likers = getList("/api/v1/statuses/" + postId + "/favourited_by", null);
        assertThat(likers).extracting(a -> a.get("id")).containsExactly(dave.id().toString());
        assertThat(post("/api/v1/statuses/" + reply.get("id") + "/favourite", carolToken, 200))
                .containsEntry("favourited", true);
        assertThat(post("/api/v1/statuses/" + postId + "/unfavourite", daveToken, 200))
                .containsEntry("favourited", false).containsEntry("favourites_count", 0);

        Map<String, Object> edited = http.put().uri("/api/v1/statuses/" + postId).headers(h -> h.setBearerAuth(carolToken))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "Sunrise, actually")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(edited).containsEntry("content", "<p>Sunrise, actually</p>");
        assertThat(edited.get("edited_at")).isNotNull();
        // only the author edits or deletes: the aggregate says 403
        http.put().uri("/api/v1/statuses/" + postId).headers(h -> h.setBearerAuth(daveToken))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "mine now")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.error").exists();
        http.delete().uri("/api/v1/statuses/" + postId).headers(h -> h.setBearerAuth(daveToken)).exchange()
                .expectStatus().isForbidden();

        Map<String, Object> deleted = http.delete().uri("/api/v1/statuses/" + postId).headers(h -> h.setBearerAuth(carolToken))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(deleted).containsEntry("text", "Sunrise, actually");
        assertThat(get("/api/v1/statuses/" + postId, null, 404)).containsEntry("error", "Record not found");
    }

    @Test
    void badInputIsAnsweredAsMastodonDoes() {
        String token = mastodonToken(register("m_erin"));
        assertThat(postStatus(token, Map.of("status", " "), 422)).containsEntry("error", "Validation failed: Text can't be blank");
        assertThat(postStatus(token, Map.of("status", "secret", "visibility", "private"), 422)).containsKey("error");
        assertThat(postStatus(token, Map.of("status", "x".repeat(3000)), 422).get("error").toString())
                .startsWith("Validation failed");
        assertThat(get("/api/v1/statuses/not-an-id", null, 404)).containsEntry("error", "Record not found");
        assertThat(get("/api/v1/notifications/unread_count", null, 401)).containsEntry("error", "The access token is invalid");
        assertThat(get("/api/v1/statuses/" + UUID.randomUUID(), "forged-token", 401)).containsKey("error");
        assertThat(get("/api/v1/bookmarks", null, 404)).containsKey("error"); // not offered, whoever asks
        assertThat(get("/api/v1/bookmarks", token, 404)).containsKey("error");
        http.get().uri("/api/v1/statuses/" + UUID.randomUUID()).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void browserClientsOfAnyOriginMayCallAndReadThePaginationHeader() {
        http.options().uri("/api/v1/timelines/public").header(HttpHeaders.ORIGIN, "https://elk.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://elk.example");
        http.get().uri("/api/v1/timelines/public").header(HttpHeaders.ORIGIN, "https://elk.example").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed).contains("Link"));
    }

    // ---- Media -------------------------------------------------------------------------------

    @Test
    void mediaIsUploadedThenProcessedThenAttachedToAStatus() {
        String token = mastodonToken(register("m_frank"));
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(TestImages.png(640, 480)) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        body.part("description", "A test card");
        EntityExchangeResult<Map> uploaded = http.post().uri("/api/v2/media").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange()
                .expectBody(Map.class).returnResult();
        assertThat(uploaded.getStatus().value()).isIn(200, 202);
        Map<String, Object> media = uploaded.getResponseBody();
        assertShape(media, MastodonEntities.MEDIA_ATTACHMENT);
        assertThat(media).containsEntry("type", "image").containsEntry("description", "A test card");
        String mediaId = (String) media.get("id");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get().uri("/api/v1/media/" + mediaId).headers(h -> h.setBearerAuth(token)).exchange()
                        .returnResult(Void.class).getStatus().value() == 200);
        Map<String, Object> ready = get("/api/v1/media/" + mediaId, token, 200);
        assertThat((String) ready.get("url")).startsWith("http");
        assertThat((String) ready.get("blurhash")).hasSizeGreaterThan(6);
        assertThat((Map<String, Object>) ready.get("meta")).containsKeys("original", "small");
        http.get().uri((String) ready.get("preview_url")).exchange().expectStatus().isOk();
        get("/api/v1/media/" + mediaId, mastodonToken(register("m_other")), 404); // not yours

        Map<String, Object> status = postStatus(token, Map.of("status", "With a picture", "media_ids", List.of(mediaId)), 200);
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) status.get("media_attachments");
        assertThat(attachments).extracting(a -> a.get("id")).containsExactly(mediaId);
        assertThat(attachments.get(0)).containsEntry("description", "A test card");
        assertThat(postStatus(token, Map.of("status", "Same picture again", "media_ids", List.of(mediaId)), 422))
                .containsKey("error");
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Map<String, Object>) ((List<Object>) get(
                "/api/v1/statuses/" + status.get("id"), null, 200).get("media_attachments")).get(0)).get("url") != null);
    }

    // ---- Accounts and pagination -------------------------------------------------------------

    @Test
    void accountsFollowBlockAndPageThroughTheLinkHeader() {
        Account gina = register("m_gina");
        Account hank = register("m_hank");
        String ginaToken = mastodonToken(gina);
        String hankToken = mastodonToken(hank);

        Map<String, Object> relationship = post("/api/v1/accounts/" + hank.id() + "/follow", ginaToken, 200);
        assertShape(relationship, MastodonEntities.RELATIONSHIP);
        assertThat(relationship).containsEntry("following", true).containsEntry("followed_by", false);
        List<Map<String, Object>> relationships = getList("/api/v1/accounts/relationships?id[]=" + hank.id(), ginaToken);
        assertThat(relationships.get(0)).containsEntry("id", hank.id().toString()).containsEntry("following", true);
        assertThat(getList("/api/v1/accounts/" + hank.id() + "/followers", null))
                .extracting(a -> a.get("id")).containsExactly(gina.id().toString());
        assertThat(getList("/api/v1/accounts/" + gina.id() + "/following", null))
                .extracting(a -> a.get("id")).containsExactly(hank.id().toString());
        assertThat(get("/api/v1/accounts/lookup?acct=@" + hank.username(), null, 200))
                .containsEntry("id", hank.id().toString()).containsEntry("followers_count", 1);

        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, (String) postStatus(hankToken, Map.of("status", "Post number " + i), 200).get("id"));
        }
        EntityExchangeResult<List> first = http.get().uri("/api/v1/accounts/" + hank.id() + "/statuses?limit=2")
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult();
        assertThat(((List<Map<String, Object>>) first.getResponseBody())).extracting(s -> s.get("id"))
                .containsExactly(ids.get(0), ids.get(1));
        String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).contains("rel=\"next\"", "rel=\"prev\"");
        List<Map<String, Object>> second = getList(relative(linkTo(link, "next")), null);
        assertThat(second).extracting(s -> s.get("id")).containsExactly(ids.get(2), ids.get(3));
        // a status id works as max_id and since_id too, as clients send them
        assertThat(getList("/api/v1/accounts/" + hank.id() + "/statuses?max_id=" + ids.get(3), null))
                .extracting(s -> s.get("id")).containsExactly(ids.get(4));
        assertThat(getList("/api/v1/accounts/" + hank.id() + "/statuses?since_id=" + ids.get(2), null))
                .extracting(s -> s.get("id")).containsExactly(ids.get(0), ids.get(1));
        assertThat(getList("/api/v1/accounts/" + hank.id() + "/statuses?min_id=" + ids.get(3) + "&limit=1", null))
                .extracting(s -> s.get("id")).containsExactly(ids.get(2));

        assertThat(getList("/api/v1/timelines/home?limit=3", ginaToken)).extracting(s -> s.get("id"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(getList("/api/v1/timelines/public?limit=40", null)).extracting(s -> s.get("id")).contains(ids.get(0));

        Map<String, Object> blocked = post("/api/v1/accounts/" + gina.id() + "/block", hankToken, 200);
        assertThat(blocked).containsEntry("blocking", true);
        assertThat(getList("/api/v1/blocks", hankToken)).extracting(a -> a.get("id")).containsExactly(gina.id().toString());
        get("/api/v1/accounts/" + hank.id(), ginaToken, 404); // a user who blocks you is not there for you
        assertThat(post("/api/v1/accounts/" + hank.id() + "/follow", ginaToken, 403)).containsKey("error");
        assertThat(post("/api/v1/accounts/" + gina.id() + "/unblock", hankToken, 200)).containsEntry("blocking", false);
    }

    @Test
    void theProfileIsUpdatedWithAMultipartForm() {
        Account ivy = register("m_ivy");
        String token = mastodonToken(ivy);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("display_name", "Ivy Green");
        body.part("note", "Plants & <b>photos</b>");
        body.part("avatar", new ByteArrayResource(TestImages.jpeg(200, 200)) {
            @Override
            public String getFilename() {
                return "me.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        Map<String, Object> me = http.patch().uri("/api/v1/accounts/update_credentials").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me).containsEntry("display_name", "Ivy Green")
                .containsEntry("note", "<p>Plants &amp; &lt;b&gt;photos&lt;/b&gt;</p>");
        assertThat((String) me.get("avatar")).contains("/avatar/");
        assertThat((Map<String, Object>) me.get("source")).containsEntry("note", "Plants & <b>photos</b>");
    }

    // ---- Notifications, markers, search ------------------------------------------------------

    @Test
    void notificationsSpeakMastodonsTypes() {
        Account jack = register("m_jack");
        Account kate = register("m_kate");
        String jackToken = mastodonToken(jack);
        String kateToken = mastodonToken(kate);
        String postId = (String) postStatus(jackToken, Map.of("status", "Notify me"), 200).get("id");
        post("/api/v1/accounts/" + jack.id() + "/follow", kateToken, 200);
        post("/api/v1/statuses/" + postId + "/favourite", kateToken, 200);
        postStatus(kateToken, Map.of("status", "Nice one", "in_reply_to_id", postId), 200);

        // notifications are made by their own processor, which a write does not wait for
        await().atMost(Duration.ofSeconds(20)).until(() -> getList("/api/v1/notifications", jackToken).size() == 3);
        List<Map<String, Object>> all = getList("/api/v1/notifications", jackToken);
        assertThat(all).extracting(n -> n.get("type")).containsExactly("mention", "favourite", "follow");
        all.forEach(n -> assertShape(n, MastodonEntities.NOTIFICATION));
        assertShape(all.get(0).get("status"), MastodonEntities.STATUS);
        assertThat(all.get(2)).doesNotContainKey("status");
        assertThat(getList("/api/v1/notifications?types[]=follow", jackToken)).extracting(n -> n.get("type"))
                .containsExactly("follow");
        assertThat(getList("/api/v1/notifications?exclude_types[]=follow&exclude_types[]=mention", jackToken))
                .extracting(n -> n.get("type")).containsExactly("favourite");
        assertThat(getList("/api/v1/notifications?limit=1&max_id=" + all.get(0).get("id"), jackToken))
                .extracting(n -> n.get("id")).containsExactly(all.get(1).get("id"));
        assertThat(get("/api/v1/notifications/" + all.get(1).get("id"), jackToken, 200)).containsEntry("type", "favourite");
        get("/api/v1/notifications/" + all.get(1).get("id"), kateToken, 404);
        assertThat(get("/api/v1/notifications/unread_count", jackToken, 200)).containsEntry("count", 3);

        post("/api/v1/notifications/" + all.get(1).get("id") + "/dismiss", jackToken, 200);
        assertThat(getList("/api/v1/notifications", jackToken)).extracting(n -> n.get("type"))
                .containsExactly("mention", "follow");
        assertThat(get("/api/v1/notifications/unread_count", jackToken, 200)).containsEntry("count", 2);
        post("/api/v1/notifications/clear", jackToken, 200);
        assertThat(getList("/api/v1/notifications", jackToken)).isEmpty();
        assertThat(get("/api/v1/notifications/unread_count", jackToken, 200)).containsEntry("count", 0);

        Map<String, Object> markers = http.post().uri("/api/v1/markers").headers(h -> h.setBearerAuth(jackToken))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("home", Map.of("last_read_id", postId)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) markers.get("home")).containsEntry("last_read_id", postId).containsEntry("version", 0);
        assertThat((Map<String, Object>) get("/api/v1/markers?timeline[]=home", jackToken, 200).get("home"))
                .containsEntry("last_read_id", postId).containsKey("updated_at");
    }

    @Test
    void searchFindsAccountsHashtagsAndStatuses() {
        Account lily = registerExactly(unique("srchlily"));
        String token = mastodonToken(lily);
        String tag = "mastotag" + UUID.randomUUID().toString().substring(0, 6);
        String postId = (String) postStatus(token, Map.of("status", "Searchable #" + tag), 200).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !((List<?>) get("/api/v2/search?type=statuses&q=%23" + tag,
                null, 200).get("statuses")).isEmpty());
        Map<String, Object> results = get("/api/v2/search?q=" + tag, token, 200);
        assertThat((List<Map<String, Object>>) results.get("statuses")).extracting(s -> s.get("id")).containsExactly(postId);
        assertThat((List<Map<String, Object>>) results.get("hashtags")).extracting(t -> t.get("name")).contains(tag);
        ((List<Object>) results.get("hashtags")).forEach(t -> assertShape(t, MastodonEntities.TAG));
        Map<String, Object> accounts = get("/api/v2/search?type=accounts&q=" + lily.username(), token, 200);
        assertThat((List<Map<String, Object>>) accounts.get("accounts")).extracting(a -> a.get("id"))
                .contains(lily.id().toString());
        assertThat((List<Object>) accounts.get("statuses")).isEmpty();
        assertThat(getList("/api/v1/timelines/tag/" + tag, null)).extracting(s -> s.get("id")).containsExactly(postId);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Map<String, Object> registerApp(String scopes) {
        return http.post().uri("/api/v1/apps").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("client_name", "Test client " + UUID.randomUUID(), "redirect_uris", REDIRECT,
                        "scopes", scopes, "website", "https://client.example"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static MultiValueMap<String, String> authorizeForm(Map<String, Object> app, String challenge) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("response_type", "code");
        form.add("client_id", (String) app.get("client_id"));
        form.add("redirect_uri", REDIRECT);
        form.add("scope", "read write");
        form.add("state", "xyz");
        form.add("code_challenge", challenge);
        form.add("code_challenge_method", "S256");
        return form;
    }

    private String authorize(Map<String, Object> app, Account user, String challenge) {
        MultiValueMap<String, String> login = authorizeForm(app, challenge);
        login.add("login", user.username());
        login.add("password", PASSWORD);
        URI location = http.post().uri("/oauth/authorize").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(login)
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        return UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("code");
    }

    private static Map<String, Object> passwordGrant(Map<String, Object> app, Account user, String scope) {
        return Map.of("grant_type", "password", "username", user.username(), "password", PASSWORD,
                "client_id", app.get("client_id"), "client_secret", app.get("client_secret"), "scope", scope);
    }

    /** A token with every scope, by the password grant. */
    protected String mastodonToken(Account user) {
        Map<String, Object> app = registerApp("read write follow push");
        return (String) token(passwordGrant(app, user, "read write follow"), 200).get("access_token");
    }

    private Map<String, Object> token(Map<String, Object> body, int status) {
        return http.post().uri("/oauth/token").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<String, Object> get(String uri, String token, int status) {
        return http.get().uri(URI.create(uri.startsWith("/") ? "http://localhost:" + port + uri : uri)).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> getList(String uri, String token) {
        return http.get().uri(URI.create("http://localhost:" + port + uri)).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private Map<String, Object> post(String uri, String token, int status) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<String, Object> postStatus(String token, Map<String, Object> body, int status) {
        return http.post().uri("/api/v1/statuses").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String linkTo(String header, String rel) {
        Matcher matcher = Pattern.compile("<([^>]+)>; rel=\"" + rel + "\"").matcher(header);
        assertThat(matcher.find()).as("a %s link in %s", rel, header).isTrue();
        return matcher.group(1);
    }

    private static String relative(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
