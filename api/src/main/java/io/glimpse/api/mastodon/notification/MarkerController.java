package io.glimpse.api.mastodon.notification;

import io.glimpse.api.mastodon.account.AccountMapper;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Markers: where the user stopped reading the home timeline and the notifications, so that
 * another client of theirs can pick up there. Each save counts the marker's {@code version} up.
 * They are stored as given; the unread count stays Glimpse's own (read marks).
 */
@RestController("mastodonMarkerController")
class MarkerController {

    private static final List<String> TIMELINES = List.of("home", "notifications");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    MarkerController(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Marker(String lastReadId, long version, String updatedAt) {
    }

    @GetMapping("/api/v1/markers")
    Map<String, Marker> get(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        List<String> asked = Params.of(request, json).list("timeline");
        Map<String, Marker> markers = new LinkedHashMap<>();
        jdbc.sql("select timeline, last_read_id, version, updated_at from mastodon_marker where user_id = ?")
                .param(me.id())
                .query((rs, row) -> Map.entry(rs.getString(1), new Marker(rs.getString(2), rs.getLong(3),
                        AccountMapper.timestamp(rs.getObject(4, OffsetDateTime.class).toInstant()))))
                .list().stream()
                .filter(entry -> asked.isEmpty() || asked.contains(entry.getKey()))
                .forEach(entry -> markers.put(entry.getKey(), entry.getValue()));
        return markers;
    }

    @PostMapping("/api/v1/markers")
    @Transactional
    Map<String, Marker> save(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        Params params = Params.of(request, json);
        Map<String, Marker> saved = new LinkedHashMap<>();
        for (String timeline : TIMELINES) {
            String lastRead = params.text(timeline, "last_read_id");
            if (lastRead == null || lastRead.isBlank()) {
                continue;
            }
            if (lastRead.length() > 100) {
                throw MastodonException.unprocessable("Validation failed: last_read_id is too long");
            }
            saved.put(timeline, store(me.id(), timeline, lastRead));
        }
        if (saved.isEmpty()) {
            throw MastodonException.unprocessable("Validation failed: home[last_read_id] or notifications[last_read_id] is needed");
        }
        return saved;
    }

    private Marker store(UUID userId, String timeline, String lastRead) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long version = jdbc.sql("select version from mastodon_marker where user_id = ? and timeline = ?")
                .params(userId, timeline).query(Long.class).optional().orElse(-1L) + 1;
        jdbc.sql("delete from mastodon_marker where user_id = ? and timeline = ?").params(userId, timeline).update();
        jdbc.sql("insert into mastodon_marker (user_id, timeline, last_read_id, version, updated_at) values (?, ?, ?, ?, ?)")
                .params(userId, timeline, lastRead, version, now).update();
        return new Marker(lastRead, version, AccountMapper.timestamp(now.toInstant()));
    }
}
