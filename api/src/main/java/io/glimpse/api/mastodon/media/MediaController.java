package io.glimpse.api.mastodon.media;

import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Media uploads. {@code POST /api/v2/media} answers 202 with {@code url: null} while the previews
 * are made, 200 once they exist; {@code GET /api/v1/media/:id} answers 206 while processing (as
 * Mastodon does), 200 when ready and 422 if the image could not be processed. The deprecated
 * {@code POST /api/v1/media} waits for the previews, since its clients expect a finished attachment.
 */
@RestController("mastodonMediaController")
class MediaController {

    private static final int DESCRIPTION_MAX = 1500;
    private static final Duration V1_WAIT = Duration.ofSeconds(15);

    private final MastodonUploads uploads;
    private final MediaMapper mapper;
    private final ObjectMapper json;

    MediaController(MastodonUploads uploads, MediaMapper mapper, ObjectMapper json) {
        this.uploads = uploads;
        this.mapper = mapper;
        this.json = json;
    }

    @PostMapping(path = "/api/v2/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MastodonMedia> upload(@RequestParam(required = false) MultipartFile file,
                                         @RequestParam(required = false) String description,
                                         @AuthenticationPrincipal AuthenticatedUser me) {
        Upload upload = uploads.create(me.id(), requireFile(file), checked(description));
        return answer(upload, HttpStatus.ACCEPTED);
    }

    @PostMapping(path = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MastodonMedia> uploadAndWait(@RequestParam(required = false) MultipartFile file,
                                                @RequestParam(required = false) String description,
                                                @AuthenticationPrincipal AuthenticatedUser me) throws InterruptedException {
        Upload upload = uploads.create(me.id(), requireFile(file), checked(description));
        Instant deadline = Instant.now().plus(V1_WAIT);
        while (upload.state() == Upload.State.PROCESSING && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            upload = uploads.find(upload.id()).orElseThrow();
        }
        return answer(upload, HttpStatus.ACCEPTED);
    }

    @GetMapping("/api/v1/media/{id}")
    ResponseEntity<MastodonMedia> get(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        return answer(own(id, me), HttpStatus.PARTIAL_CONTENT);
    }

    @PutMapping("/api/v1/media/{id}")
    ResponseEntity<MastodonMedia> update(@PathVariable String id, HttpServletRequest request,
                                         @AuthenticationPrincipal AuthenticatedUser me) {
        Upload upload = own(id, me);
        String description = Params.of(request, json).text("description");
        if (description != null) {
            uploads.describe(upload.id(), checked(description));
        }
        return answer(uploads.find(upload.id()).orElseThrow(), HttpStatus.PARTIAL_CONTENT);
    }

    private Upload own(String id, AuthenticatedUser me) {
        UUID mediaId = Accounts.parse(id);
        return uploads.findOwn(mediaId, me.id()).orElseThrow(MastodonException::notFound);
    }

    private ResponseEntity<MastodonMedia> answer(Upload upload, HttpStatus whileProcessing) {
        return switch (upload.state()) {
            case READY -> ResponseEntity.ok(mapper.of(upload));
            case PROCESSING -> ResponseEntity.status(whileProcessing).body(mapper.of(upload));
            case FAILED -> throw MastodonException.unprocessable("Processing of this media attachment failed");
        };
    }

    private static MultipartFile requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw MastodonException.unprocessable("Validation failed: File can't be blank");
        }
        return file;
    }

    private static String checked(String description) {
        if (description != null && description.length() > DESCRIPTION_MAX) {
            throw MastodonException.unprocessable("Validation failed: Description is too long (maximum is "
                    + DESCRIPTION_MAX + " characters)");
        }
        return description;
    }
}
