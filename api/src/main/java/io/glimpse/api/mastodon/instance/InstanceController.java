package io.glimpse.api.mastodon.instance;

import io.glimpse.adapters.media.ImageInspector;
import io.glimpse.command.comment.Comment;
import io.glimpse.command.post.Post;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Mastodon client asks first: the instance documents (v1 and v2), custom emojis (none) and
 * nodeinfo 2.0. The limits are Glimpse's own (caption length, ten images, 10 MiB, 40 megapixels).
 * The version says "compatible": clients compare it to decide which API features to use.
 */
@RestController("mastodonInstanceController")
class InstanceController {

    static final String VERSION = "4.3.0 (compatible; Glimpse 0.1.0)";
    private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    private static final long IMAGE_SIZE_LIMIT = 10L * 1024 * 1024;

    private final InstanceStats stats;
    private final String streamingUrl;
    private final String title;

    InstanceController(InstanceStats stats,
                       @Value("${glimpse.mastodon.streaming-url:}") String streamingUrl,
                       @Value("${glimpse.mastodon.title:Glimpse}") String title) {
        this.stats = stats;
        this.streamingUrl = streamingUrl;
        this.title = title;
    }

    @GetMapping("/api/v2/instance")
    Map<String, Object> v2() {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("domain", host());
        instance.put("title", title);
        instance.put("version", VERSION);
        instance.put("source_url", "https://github.com/glimpse/glimpse");
        instance.put("description", "A photo-sharing social network");
        instance.put("usage", Map.of("users", Map.of("active_month", stats.counts().users())));
        instance.put("thumbnail", Map.of("url", base() + "/favicon.ico"));
        instance.put("icon", List.of());
        instance.put("languages", List.of("en"));
        Map<String, Object> configuration = configuration();
        configuration.put("urls", Map.of("streaming", streaming(), "status", ""));
        configuration.put("vapid", Map.of("public_key", ""));
        configuration.put("translation", Map.of("enabled", false));
        instance.put("configuration", configuration);
        instance.put("registrations", Map.of("enabled", true, "approval_required", false, "message", ""));
        instance.put("api_versions", Map.of("mastodon", 2));
        instance.put("contact", contact());
        instance.put("rules", List.of());
        return instance;
    }

    @GetMapping("/api/v1/instance")
    Map<String, Object> v1() {
        InstanceStats.Counts counts = stats.counts();
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("uri", host());
        instance.put("title", title);
        instance.put("short_description", "A photo-sharing social network");
        instance.put("description", "A photo-sharing social network");
        instance.put("email", "");
        instance.put("version", VERSION);
        instance.put("urls", Map.of("streaming_api", streaming()));
        instance.put("stats", Map.of("user_count", counts.users(), "status_count", counts.posts(), "domain_count", 0));
        instance.put("thumbnail", null);
        instance.put("languages", List.of("en"));
        instance.put("registrations", true);
        instance.put("approval_required", false);
        instance.put("invites_enabled", false);
        instance.put("configuration", configuration());
        instance.put("contact_account", null);
        instance.put("rules", List.of());
        return instance;
    }

    @GetMapping("/api/v1/custom_emojis")
    List<Object> customEmojis() {
        return List.of();
    }

    @GetMapping("/.well-known/nodeinfo")
    Map<String, Object> nodeinfoLinks() {
        return Map.of("links", List.of(Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0",
                "href", base() + "/nodeinfo/2.0")));
    }

    /** Glimpse does not federate, so it names no protocol. */
    @GetMapping("/nodeinfo/2.0")
    Map<String, Object> nodeinfo() {
        InstanceStats.Counts counts = stats.counts();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "2.0");
        document.put("software", Map.of("name", "glimpse", "version", "0.1.0"));
        document.put("protocols", List.of());
        document.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        document.put("openRegistrations", true);
        document.put("usage", Map.of("users", Map.of("total", counts.users()), "localPosts", counts.posts()));
        document.put("metadata", Map.of("nodeName", title));
        return document;
    }

    private static Map<String, Object> configuration() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("accounts", Map.of("max_featured_tags", 0, "max_pinned_statuses", 0));
        configuration.put("statuses", Map.of("max_characters", Post.CAPTION_MAX, "max_media_attachments",
                Post.MEDIA_MAX, "characters_reserved_per_url", 23, "max_reply_characters", Comment.TEXT_MAX));
        configuration.put("media_attachments", Map.of("supported_mime_types", IMAGE_TYPES,
                "image_size_limit", IMAGE_SIZE_LIMIT, "image_matrix_limit", ImageInspector.DEFAULT_MAX_PIXELS,
                "video_size_limit", 0, "video_frame_rate_limit", 0, "video_matrix_limit", 0,
                "description_limit", 1500));
        configuration.put("polls", Map.of("max_options", 0, "max_characters_per_option", 0,
                "min_expiration", 0, "max_expiration", 0));
        return configuration;
    }

    private static Map<String, Object> contact() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", "");
        contact.put("account", null);
        return contact;
    }

    /**
     * The streaming API's base: {@code glimpse.mastodon.streaming-url} if set (a separate host for
     * the sockets), else this server, which serves {@code /api/v1/streaming} ({@code ws://} or {@code wss://}).
     */
    private String streaming() {
        if (!streamingUrl.isBlank()) {
            return streamingUrl;
        }
        return base().replaceFirst("^http", "ws");
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String host() {
        var uri = ServletUriComponentsBuilder.fromCurrentContextPath().build();
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
