package io.glimpse.query.user;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code user_view} table: one row per live account. */
@Repository
public class UserViewRepository {

    private static final String COLUMNS = columns("user_view");

    /** Maps the columns of {@link #columns(String)}; other read models join {@code user_view} with it. */
    public static final RowMapper<UserView> USER = (rs, row) -> new UserView(
            rs.getObject("id", UUID.class),
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("bio"),
            rs.getString("avatar_url"),
            rs.getLong("followers_count"),
            rs.getLong("following_count"),
            rs.getLong("posts_count"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final UserWriter writer;

    /** The profile columns of {@code user_view} under the given table alias. */
    public static String columns(String alias) {
        return String.join(", ", java.util.stream.Stream.of("id", "username", "display_name", "bio", "avatar_url",
                "followers_count", "following_count", "posts_count", "created_at").map(c -> alias + "." + c).toList());
    }

    public UserViewRepository(JdbcClient jdbc, UserWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    public void insert(UUID id, String username, String email, String passwordHash, String displayName,
                       Instant createdAt) {
        writer.record(new UserChange.Registered(id, username, email, passwordHash, displayName, createdAt));
    }

    public void updateProfile(UUID id, String displayName, String bio) {
        writer.record(new UserChange.ProfileUpdated(id, displayName, bio));
    }

    public void changeAvatar(UUID id, String avatarUrl) {
        writer.record(new UserChange.AvatarChanged(id, avatarUrl));
    }

    /** Removes the row and with it every piece of personal data the read model held. */
    public void delete(UUID id) {
        writer.record(new UserChange.Deleted(id));
    }

    public void deleteAll() {
        jdbc.sql("delete from user_view").update();
    }

    public Optional<UserView> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from user_view where username = ?")
                .param(username.toLowerCase(Locale.ROOT))
                .query(USER)
                .optional();
    }

    public Optional<UserView> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from user_view where id = ?").param(id).query(USER).optional();
    }

    /** The users with these ids, in the order of the ids; ids of users that do not exist are left out. */
    public List<UserView> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, UserView> found = jdbc.sql("select " + COLUMNS + " from user_view where id in (:ids)")
                .param("ids", ids).query(USER).list().stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public Optional<Credentials> findCredentials(String login) {
        String normalized = login.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("select id, username, password_hash from user_view where username = ? or login_email = ?")
                .params(normalized, normalized)
                .query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash")))
                .optional();
    }

    /** Newest first, by keyset on (created_at, id) so deep pages cost what the first one does. */
    public Keyset.Slice<UserView> list(String search, Cursor cursor, int limit) {
        Cursor after = Optional.ofNullable(cursor).orElseGet(Keyset::startOfNewestFirst);
        String prefix = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        List<UserView> rows = jdbc.sql("select " + COLUMNS + """
                         from user_view
                        where (created_at, id) < (:time, :id)
                          and (username like :prefix or lower(display_name) like :prefix)
                        order by created_at desc, id desc
                        limit :limit""")
                .param("time", utc(after.time()))
                .param("id", after.id())
                .param("prefix", escapeLike(prefix) + "%")
                .param("limit", limit + 1)
                .query(USER)
                .list();
        return Keyset.slice(rows, limit, user -> new Cursor(user.createdAt(), user.id()));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
