package io.glimpse.query.user;

import io.glimpse.query.batch.ChangeBatch;
import io.glimpse.query.batch.Counter;
import io.glimpse.query.batch.CounterMoves;
import io.glimpse.query.batch.Statements;
import io.glimpse.query.batch.Toggles;
import io.glimpse.query.user.UserChange.AvatarChanged;
import io.glimpse.query.user.UserChange.Blocked;
import io.glimpse.query.user.UserChange.Deleted;
import io.glimpse.query.user.UserChange.Followed;
import io.glimpse.query.user.UserChange.Forgotten;
import io.glimpse.query.user.UserChange.PostsCounted;
import io.glimpse.query.user.UserChange.ProfileUpdated;
import io.glimpse.query.user.UserChange.Registered;
import io.glimpse.query.user.UserChange.Unblocked;
import io.glimpse.query.user.UserChange.Unfollowed;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.glimpse.query.batch.ChangeBatch.only;
import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Applies a batch of {@link UserChange}s, one JDBC batch per statement, in this order, which gives
 * what applying them one by one in event order would for any sequence of events:
 * <ol>
 *   <li>Deleted accounts: out of others' counts, their follows and blocks, their rows. An account
 *       never comes back (ids are not reused), so whatever else the batch says about it is
 *       dropped, before or after its deletion.</li>
 *   <li>New profiles, then profile and avatar changes (in event order: the last one wins).</li>
 *   <li>Follows and blocks, netted per pair ({@link Toggles}: follow, unfollow, follow is one
 *       follow) after the profiles they need exist. A follow is inserted only between live
 *       accounts, and counts only if its row really appeared or disappeared.</li>
 *   <li>Counters, summed per row: one update per profile and counter.</li>
 * </ol>
 */
@Component
public class UserWriter {

    private static final Counter POSTS = new Counter("user_view", "posts_count");
    private static final Counter FOLLOWING = new Counter("user_view", "following_count");
    private static final Counter FOLLOWERS = new Counter("user_view", "followers_count");

    private static final String INSERT = """
            insert into user_view (id, username, email, login_email, password_hash, display_name, bio, created_at)
            values (?, ?, ?, ?, ?, ?, '', ?)""";
    private static final String FOLLOW = insertBetweenLiveAccounts("user_follow (follower_id, followee_id, created_at)");
    private static final String UNFOLLOW = "delete from user_follow where follower_id = ? and followee_id = ?";
    private static final String BLOCK = insertBetweenLiveAccounts("user_block (blocker_id, blocked_id, created_at)");
    private static final String UNBLOCK = "delete from user_block where blocker_id = ? and blocked_id = ?";
    private static final List<String> FORGET = List.of("""
            update user_view set followers_count = followers_count - 1
             where id in (select followee_id from user_follow where follower_id = ?)""", """
            update user_view set following_count = following_count - 1
             where id in (select follower_id from user_follow where followee_id = ?)""",
            "delete from user_follow where follower_id = ? or followee_id = ?",
            "delete from user_block where blocker_id = ? or blocked_id = ?");

    private record Pair(UUID from, UUID to) {
    }

    private final JdbcOperations jdbc;
    private final ChangeBatch<UserChange> batch = new ChangeBatch<>("users", this::write);

    UserWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change, to be written when the batch of events it belongs to commits. */
    public void record(UserChange change) {
        batch.add(change);
    }

    /** An edge from one account to another, unless either is gone (the event raced with a deletion). */
    private static String insertBetweenLiveAccounts(String tableAndColumns) {
        return "insert into " + tableAndColumns + " " + """
                 select ?, ?, ?
                  where exists (select 1 from user_view where id = ?)
                    and exists (select 1 from user_view where id = ?)""";
    }

    private void write(List<UserChange> changes) {
        Set<UUID> gone = new HashSet<>();
        only(changes, Deleted.class).forEach(deleted -> gone.add(deleted.id()));
        only(changes, Forgotten.class).forEach(forgotten -> gone.add(forgotten.id()));

        List<Object[]> forgotten = only(changes, Forgotten.class).stream().map(f -> new Object[]{f.id(), f.id()}).toList();
        for (String statement : FORGET) {
            Statements.run(jdbc, statement, statement.startsWith("update") ? forgotten.stream()
                    .map(ids -> new Object[]{ids[0]}).toList() : forgotten);
        }
        Statements.run(jdbc, "delete from user_view where id = ?",
                only(changes, Deleted.class).stream().map(d -> new Object[]{d.id()}).toList());

        Statements.run(jdbc, INSERT, only(changes, Registered.class).stream()
                .filter(user -> !gone.contains(user.id()))
                .map(user -> new Object[]{user.id(), user.username(), user.email(),
                        user.email().toLowerCase(Locale.ROOT), user.passwordHash(), user.displayName(), utc(user.at())})
                .toList());
        Statements.run(jdbc, "update user_view set display_name = ?, bio = ? where id = ?",
                only(changes, ProfileUpdated.class).stream().filter(p -> !gone.contains(p.id()))
                        .map(p -> new Object[]{p.displayName(), p.bio(), p.id()}).toList());
        Statements.run(jdbc, "update user_view set avatar_url = ? where id = ?",
                only(changes, AvatarChanged.class).stream().filter(a -> !gone.contains(a.id()))
                        .map(a -> new Object[]{a.avatarUrl(), a.id()}).toList());

        CounterMoves counters = new CounterMoves();
        Toggles<Pair, UserChange> follows = new Toggles<>();
        Toggles<Pair, UserChange> blocks = new Toggles<>();
        for (UserChange change : changes) {
            if (change instanceof Followed f) {
                set(follows, gone, new Pair(f.followerId(), f.followeeId()), true, f);
            } else if (change instanceof Unfollowed u) {
                set(follows, gone, new Pair(u.followerId(), u.followeeId()), false, u);
            } else if (change instanceof Blocked b) {
                set(blocks, gone, new Pair(b.blockerId(), b.blockedId()), true, b);
            } else if (change instanceof Unblocked u) {
                set(blocks, gone, new Pair(u.blockerId(), u.blockedId()), false, u);
            } else if (change instanceof PostsCounted p && !gone.contains(p.id())) {
                counters.add(POSTS, p.id(), p.delta());
            }
        }
        List<Followed> followed = only(follows.turnedOn(), Followed.class);
        count(counters, Statements.run(jdbc, FOLLOW, followed.stream().map(f -> new Object[]{
                f.followerId(), f.followeeId(), utc(f.at()), f.followerId(), f.followeeId()}).toList()),
                followed, f -> new Pair(f.followerId(), f.followeeId()), FOLLOW, +1);
        List<Unfollowed> unfollowed = only(follows.turnedOff(), Unfollowed.class);
        count(counters, Statements.run(jdbc, UNFOLLOW, unfollowed.stream()
                        .map(u -> new Object[]{u.followerId(), u.followeeId()}).toList()),
                unfollowed, u -> new Pair(u.followerId(), u.followeeId()), UNFOLLOW, -1);
        Statements.run(jdbc, BLOCK, only(blocks.turnedOn(), Blocked.class).stream().map(b -> new Object[]{
                b.blockerId(), b.blockedId(), utc(b.at()), b.blockerId(), b.blockedId()}).toList());
        Statements.run(jdbc, UNBLOCK, only(blocks.turnedOff(), Unblocked.class).stream()
                .map(u -> new Object[]{u.blockerId(), u.blockedId()}).toList());
        counters.write(jdbc);
    }

    private static void set(Toggles<Pair, UserChange> toggles, Set<UUID> gone, Pair pair, boolean on,
                            UserChange change) {
        if (!gone.contains(pair.from()) && !gone.contains(pair.to())) {
            toggles.set(pair, on, change);
        }
    }

    /** Moves both ends' follow counters by the rows each statement really changed. */
    private static <T> void count(CounterMoves counters, int[] rows, List<T> edges, Function<T, Pair> pair,
                                  String sql, int perRow) {
        for (int i = 0; i < edges.size(); i++) {
            long delta = (long) perRow * Statements.changed(rows, i, sql);
            Pair edge = pair.apply(edges.get(i));
            counters.add(FOLLOWING, edge.from(), delta);
            counters.add(FOLLOWERS, edge.to(), delta);
        }
    }
}
