package io.glimpse.api.post;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Posts and their images end to end (API.md "Posts"). */
@SuppressWarnings("unchecked")
public abstract class PostsApiContract extends ApiTest {

    @Test
    void aTextPostTakesTheCaptionsHashtagsAsTags() {
        Account author = register("writer");
        Map<String, Object> post = textPost(author, "Morning run #Running with @friend", List.of("#Health", "running"))
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/posts/"))
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(post).containsEntry("caption", "Morning run #Running with @friend")
                .containsEntry("likesCount", 0).containsEntry("commentsCount", 0).containsEntry("likedByMe", false)
                .containsEntry("editedAt", null);
        assertThat((List<Object>) post.get("tags")).containsExactly("health", "running");
        assertThat((List<Object>) post.get("media")).isEmpty();
        assertThat((Map<String, Object>) post.get("author")).containsEntry("username", author.username());

        http.get().uri("/api/posts/" + post.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.caption").isEqualTo("Morning run #Running with @friend");
        assertThat(profile(author.username(), null)).containsEntry("postsCount", 1);
    }

    @Test
    void imagesAreProcessedAfterThePostIsStoredIntoJpegRenditions() {
        Account author = register("shooter");
        Map<String, Object> post = imagePost(author, "Two shots",
                file("a.png", TestImages.png(1600, 1200)), file("b.gif", TestImages.gif(300, 200)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> media = (List<Map<String, Object>>) post.get("media");
        assertThat(media).hasSize(2);
        // The media worker may already have finished by the time the 201 reads the post back.
        if ("PROCESSING".equals(media.get(0).get("status"))) {
            assertThat(media.get(0)).containsEntry("width", 1600).containsEntry("height", 1200);
        } else {
            assertThat(media.get(0)).containsEntry("status", "READY").containsEntry("width", 1080);
        }

        List<Map<String, Object>> ready = awaitMedia(post.get("id"), "READY");
        assertThat(ready.get(0)).containsEntry("width", 1080).containsEntry("height", 810)
                .containsEntry("contentType", "image/jpeg");
        BufferedImage feed = download((String) ready.get(0).get("url"));
        assertThat(feed.getWidth()).isEqualTo(1080);
        BufferedImage thumbnail = download((String) ready.get(0).get("thumbnailUrl"));
        assertThat(thumbnail.getWidth()).isEqualTo(thumbnail.getHeight());
        assertThat(download((String) ready.get(1).get("url")).getWidth()).isEqualTo(300);
    }

    @Test
    void anImageThatCannotBeDecodedEndsFailedAndThePostStays() {
        Account author = register("unlucky");
        Map<String, Object> post = imagePost(author, "Broken", file("broken.png", TestImages.corruptPng(64, 64)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<Map<String, Object>> failed = awaitMedia(post.get("id"), "FAILED");
        assertThat(failed.get(0).get("url")).isNull();
        http.get().uri("/api/posts/" + post.get("id")).exchange().expectStatus().isOk();
    }

    @Test
    void theTypeIsDecidedByTheBytesNotTheName() {
        Account author = register("sneaky");
        imagePost(author, "Not a picture", file("totally.jpg", "just some text".getBytes()))
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(profile(author.username(), null)).containsEntry("postsCount", 0);
    }

    @Test
    void aFileOverTenMebibytesIs413() {
        Account author = register("hoarder");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(10, 10), 0, huge, 0, 50);
        imagePost(author, "Too big", file("huge.png", huge))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDecompressionBombIsRejectedFromItsHeader() {
        Account author = register("bomber");
        imagePost(author, "Boom", file("bomb.png", TestImages.pngHeaderClaiming(50_000, 50_000)))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anEmptyPostAndOverlongCaptionsAreInvalid() {
        Account author = register("empty");
        textPost(author, "  ", List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("caption");
        textPost(author, "x".repeat(2201), List.of()).expectStatus().isBadRequest();
        textPost(author, "fine", List.of("not a tag")).expectStatus().isBadRequest();
        MultipartBodyBuilder tooMany = new MultipartBodyBuilder();
        for (int i = 0; i < 11; i++) {
            tooMany.part("files", new ByteArrayResource(TestImages.png(4, 4)) {
                @Override
                public String getFilename() {
                    return "p.png";
                }
            });
        }
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(tooMany.build()).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON).body(Map.of("caption", "anon"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheAuthorEditsAndTheAuthorOrAnAdminDeletes() {
        Account author = register("author");
        Account other = register("other");
        String postId = idOf(textPost(author, "First #draft", List.of()));

        edit(other, postId, Map.of("caption", "hijacked")).expectStatus().isForbidden();
        edit(admin(), postId, Map.of("caption", "moderated")).expectStatus().isForbidden();
        Map<String, Object> edited = edit(author, postId, Map.of("caption", "Final #version"))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(edited).containsEntry("caption", "Final #version");
        assertThat((List<Object>) edited.get("tags")).containsExactly("version");
        assertThat(edited.get("editedAt")).isNotNull();

        http.delete().uri("/api/posts/" + postId).headers(other.bearer()).exchange().expectStatus().isForbidden();
        http.delete().uri("/api/posts/" + postId).headers(admin().bearer()).exchange().expectStatus().isNoContent();
        http.get().uri("/api/posts/" + postId).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/posts/" + postId).headers(author.bearer()).exchange().expectStatus().isNoContent();
        edit(author, postId, Map.of("caption", "too late")).expectStatus().isNotFound();
        http.delete().uri("/api/posts/" + UUID.randomUUID()).headers(author.bearer()).exchange()
                .expectStatus().isNotFound();
        assertThat(profile(author.username(), null)).containsEntry("postsCount", 0);
    }

    @Test
    void deletingAPostDeletesItsImageFiles() {
        Account author = register("cleaner");
        Map<String, Object> post = imagePost(author, "Soon gone", file("a.jpg", TestImages.jpeg(200, 100)))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String url = (String) awaitMedia(post.get("id"), "READY").get(0).get("url");
        assertThat(fetch(url).getStatus().value()).isEqualTo(200);

        http.delete().uri("/api/posts/" + post.get("id")).headers(author.bearer()).exchange()
                .expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(20)).until(() -> fetch(url).getStatus().value() == 404);
    }

    @Test
    void postsAreHiddenAcrossABlockInBothDirections() {
        Account author = register("author");
        Account blocked = register("blocked");
        Account blocker = register("blocker");
        String postId = idOf(textPost(author, "Hello", List.of()));
        http.post().uri("/api/users/" + blocked.username() + "/block").headers(author.bearer()).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/api/users/" + author.username() + "/block").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();

        for (Account viewer : List.of(blocked, blocker)) {
            http.get().uri("/api/posts/" + postId).headers(viewer.bearer()).exchange().expectStatus().isNotFound();
            http.get().uri("/api/users/" + author.username() + "/posts").headers(viewer.bearer()).exchange()
                    .expectStatus().isNotFound();
        }
        http.get().uri("/api/posts/" + postId).exchange().expectStatus().isOk();
    }

    @Test
    void aUsersPostsAreNewestFirstPageByPage() {
        Account author = register("prolific");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(idOf(textPost(author, "Post " + i, List.of())));
        }
        java.util.Collections.reverse(ids);
        List<Object> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = http.get()
                    .uri("/api/users/" + author.username() + "/posts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            ((List<Map<String, Object>>) page.get("items")).forEach(item -> seen.add(item.get("id")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void theOwnerSetsASquareAvatar() {
        Account owner = register("selfie");
        Account other = register("other");
        Map<String, Object> user = avatar(owner, owner, file("me.png", TestImages.png(400, 300)))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        BufferedImage avatar = download((String) user.get("avatarUrl"));
        assertThat(avatar.getWidth()).isEqualTo(avatar.getHeight());

        avatar(other, owner, file("x.png", TestImages.png(10, 10))).expectStatus().isForbidden();
        avatar(owner, owner, file("x.png", "text".getBytes())).expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    // --- steps ---

    private RestTestClient.ResponseSpec textPost(Account author, String caption, List<String> tags) {
        return http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", caption, "tags", tags)).exchange();
    }

    record Upload(String name, byte[] bytes) {
    }

    private static Upload file(String name, byte[] bytes) {
        return new Upload(name, bytes);
    }

    private RestTestClient.ResponseSpec imagePost(Account author, String caption, Upload... files) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("caption", caption);
        for (Upload upload : files) {
            body.part("files", resource(upload)).contentType(MediaType.IMAGE_JPEG);
        }
        return http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build()).exchange();
    }

    private RestTestClient.ResponseSpec avatar(Account caller, Account owner, Upload upload) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", resource(upload));
        return http.put().uri("/api/users/" + owner.username() + "/avatar").headers(caller.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
    }

    private static ByteArrayResource resource(Upload upload) {
        return new ByteArrayResource(upload.bytes()) {
            @Override
            public String getFilename() {
                return upload.name();
            }
        };
    }

    private RestTestClient.ResponseSpec edit(Account caller, String postId, Map<String, Object> changes) {
        return http.patch().uri("/api/posts/" + postId).headers(caller.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(changes).exchange();
    }

    private static String idOf(RestTestClient.ResponseSpec created) {
        return (String) created.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private List<Map<String, Object>> awaitMedia(Object postId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> post = http.get().uri("/api/posts/" + postId).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            return (List<Map<String, Object>>) post.get("media");
        }, media -> media.stream().allMatch(m -> status.equals(m.get("status"))));
    }

    private org.springframework.test.web.servlet.client.EntityExchangeResult<byte[]> fetch(String url) {
        return http.get().uri(url).exchange().expectBody(byte[].class).returnResult();
    }

    private BufferedImage download(String url) {
        assertThat(url).startsWith("/media/");
        var result = fetch(url);
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        try {
            return ImageIO.read(new ByteArrayInputStream(result.getResponseBody()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
