package io.glimpse.api.hardening;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.Concurrently;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies are bounded before they are read; the limits answer 413, the tag limit its own 400. */
@EmbeddedGlimpse
class RequestLimitsTest extends ApiTest {

    private static final long NINETY_MB = 90L * 1024 * 1024;

    @Test
    void aLoginBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() {
        try (RawHttp connection = RawHttp.connect(port)) {
            connection.write("POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + NINETY_MB,
                    "{\"login\": \"".getBytes(StandardCharsets.UTF_8));
            expectTooLarge(connection.read());
        }
    }

    @Test
    void aChunkedLoginBodyIsReadNoFurtherThanTheLimit() {
        try (RawHttp connection = RawHttp.connect(port)) {
            connection.write("POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                    chunk(64 * 1024));
            // The body never ends: the answer comes from the first 16 KB.
            expectTooLarge(connection.read());
        }
    }

    @Test
    void eightConcurrentNinetyMegabyteLoginsAreAllRefusedWithoutBeingRead() {
        List<Callable<RawHttp.Response>> logins = IntStream.range(0, 8).<Callable<RawHttp.Response>>mapToObj(i -> () -> {
            try (RawHttp connection = RawHttp.connect(port)) {
                boolean chunked = i % 2 == 0;
                connection.write("POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + NINETY_MB),
                        chunked ? chunk(1024 * 1024) : new byte[1024 * 1024]);
                return connection.read();
            }
        }).toList();
        Concurrently.run(logins).forEach(RequestLimitsTest::expectTooLarge);
        // The application is still there for everyone else.
        register("after_flood");
    }

    @Test
    void aRegistrationOverTheSmallLimitIs413() {
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", unique("big"), "email", unique("big") + "@example.com",
                        "password", PASSWORD, "displayName", "x".repeat(20_000)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/payload-too-large");
    }

    @Test
    void aJsonBodyOverOneMegabyteIs413AndOneUnderItIsRead() {
        Account author = register("long_winded");
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", "x".repeat(1_100_000))).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", "x".repeat(900_000))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("caption");
    }

    @Test
    void aChunkedJsonBodyOverOneMegabyteIs413() {
        Account author = register("chunky");
        try (RawHttp connection = RawHttp.connect(port)) {
            connection.write("POST /api/posts HTTP/1.1\r\nAuthorization: Bearer " + author.accessToken()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunk(1_200_000));
            expectTooLarge(connection.read());
        }
    }

    @Test
    void aMultipartPostWithSixtyTagsGetsTheTagLimitNotTheSizeLimit() {
        Account author = register("tagger");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("caption", "many tags");
        IntStream.range(0, 60).forEach(i -> parts.add("tags", "tag" + i));
        parts.add("files", new ByteArrayResource(new byte[0]) {
            @Override
            public String getFilename() {
                return "empty.jpg";
            }
        });
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
    }

    @Test
    void aMultipartBodyOfThousandsOfPartsIs400() {
        Account author = register("parts");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        IntStream.range(0, 2000).forEach(i -> parts.add("tags", "t" + i));
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFilePartWhereTextIsExpectedIs400() {
        Account author = register("file_tags");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("caption", "tags as a file");
        parts.add("tags", new ByteArrayResource("sunset".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "tags.txt";
            }
        });
        http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * One chunk of {@code size} bytes of a chunked body, not followed by the last chunk: the start
     * of a JSON object with one long string, which a parser must read to the end.
     */
    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n{\"login\": \"").getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = Arrays.copyOf(head, head.length + size - 11 + 2);
        Arrays.fill(chunk, head.length, chunk.length - 2, (byte) 'a');
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private static void expectTooLarge(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }
}
