package io.glimpse.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the projections built, and whether it is what a full replay builds: every read-model table
 * of the database, row by row, and the search results for every tag the load used; counters
 * against the rows they count. Through the admin API for projections, JDBC for the tables.
 */
final class ReadModels {

    /** Axon's and Flyway's own tables: positions and the event store itself, not read models. */
    private static final Set<String> NOT_READ_MODELS = Set.of("token_entry", "domain_event_entry",
            "snapshot_event_entry", "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history",
            "processor_pause", "cluster_node");

    /**
     * The timeline processor's bookkeeping, not what it shows: the position it stands at when it
     * records a source row. For an event committed after a later one (two concurrent transactions),
     * that is the highest position seen so far, where a replay, meeting every event in order, records
     * the event's own; both fan out and backfill to the same timeline entries.
     */
    private static final Set<String> BOOKKEEPING_COLUMNS = Set.of("timeline_post.event_position",
            "timeline_follow.event_position");

    /** Each counter column against the rows it counts; a query lists the rows where they differ. */
    private static final Map<String, String> COUNTERS = Map.of(
            "post likes", "select id from post_view p where likes_count <> (select count(*) from post_like l where l.post_id = p.id)",
            "post comments", "select id from post_view p where comments_count <> (select count(*) from comment_view c where c.post_id = p.id)",
            "comment likes", "select id from comment_view c where likes_count <> (select count(*) from comment_like l where l.comment_id = c.id)",
            "followers", "select id from user_view u where followers_count <> (select count(*) from user_follow f where f.followee_id = u.id)",
            "following", "select id from user_view u where following_count <> (select count(*) from user_follow f where f.follower_id = u.id)",
            "user posts", "select id from user_view u where posts_count <> (select count(*) from post_view p where p.author_id = u.id)");

    private final Http http;
    private final String adminToken;
    private final Database database;

    /** Connections to the application's database; a scenario without SQL checks passes null. */
    interface Database {
        Connection connect() throws SQLException;
    }

    ReadModels(Http http, String adminToken, Database database) {
        this.http = http;
        this.adminToken = adminToken;
        this.database = database;
    }

    /**
     * Waits until every streaming projection has processed every stored event and none is
     * replaying; answers how long that took, in milliseconds.
     */
    long awaitCaughtUp(long timeoutSeconds) {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<Map<String, Object>> last = List.of();
        while (System.nanoTime() < deadline) {
            Http.Answer answer = http.send("GET", "/api/admin/projections", adminToken, null);
            if (answer.status() == 200) {
                last = statuses(answer);
                if (!last.isEmpty() && last.stream().allMatch(ReadModels::caughtUp)) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                }
            }
            Processes.sleep(200);
        }
        throw new IllegalStateException("The projections did not catch up within " + timeoutSeconds + " s: " + last);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statuses(Http.Answer answer) {
        return Http.JSON.readValue(answer.body(), List.class);
    }

    private static boolean caughtUp(Map<String, Object> status) {
        return !"streaming".equals(status.get("mode"))
                || ("RUNNING".equals(status.get("state")) && status.get("replay") == null
                && ((Number) status.get("lag")).longValue() == 0);
    }

    /** Events parked in dead-letter queues, by processor (none expected). */
    Map<String, Long> deadLetters() {
        Map<String, Long> parked = new LinkedHashMap<>();
        for (Map<String, Object> status : statuses(http.send("GET", "/api/admin/projections", adminToken, null))) {
            long count = ((Number) status.get("deadLetters")).longValue();
            if (count > 0) {
                parked.put((String) status.get("name"), count);
            }
        }
        return parked;
    }

    /** Asks for a replay of every projection that allows one (others, such as mail, answer 409); answers their names. */
    List<String> replayAll() {
        List<String> replayed = new ArrayList<>();
        for (Map<String, Object> status : statuses(http.send("GET", "/api/admin/projections", adminToken, null))) {
            String name = (String) status.get("name");
            if ("streaming".equals(status.get("mode"))
                    && http.send("POST", "/api/admin/projections/" + name + "/replay", adminToken, null).status() == 202) {
                replayed.add(name);
            }
        }
        return replayed;
    }

    /** Every read-model table's rows in a fixed order, and the search results of every tag. */
    Map<String, List<String>> snapshot() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            tables.removeAll(NOT_READ_MODELS);
            for (String table : tables) {
                snapshot.put(table, rows(statement, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (int tag = 0; tag < WriteLoad.TAGS; tag++) {
            snapshot.put("search #tag" + tag, searchResults("tag" + tag));
        }
        return snapshot;
    }

    private static List<String> rows(Statement statement, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet shape = statement.executeQuery("select * from " + table + " limit 0")) {
            for (int column = 1; column <= shape.getMetaData().getColumnCount(); column++) {
                String name = shape.getMetaData().getColumnName(column);
                if (!BOOKKEEPING_COLUMNS.contains(table + "." + name)) {
                    names.add(name);
                }
            }
        }
        int columns = names.size();
        StringBuilder order = new StringBuilder();
        for (int column = 1; column <= columns; column++) {
            order.append(column == 1 ? "" : ", ").append(column);
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("select " + String.join(", ", names) + " from " + table
                + " order by " + order)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column == 1 ? "" : " | ").append(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The total and the ids of every page of a tag's search results. */
    private List<String> searchResults(String tag) {
        List<String> results = new ArrayList<>();
        int offset = 0;
        while (true) {
            Map<String, Object> page = http.read("/api/search/posts?q=%23" + tag + "&limit=100&offset=" + offset, null);
            if (offset == 0) {
                results.add("total " + page.get("total"));
            }
            List<?> items = (List<?>) page.get("items");
            items.forEach(item -> results.add((String) ((Map<?, ?>) item).get("id")));
            offset += items.size();
            if (items.isEmpty() || offset >= ((Number) page.get("total")).intValue()) {
                return results;
            }
        }
    }

    /** Where two snapshots differ: per table, the counts and the first differing row. */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> differences = new ArrayList<>();
        for (String table : expected.keySet()) {
            List<String> want = expected.get(table);
            List<String> got = actual.getOrDefault(table, List.of());
            if (!want.equals(got)) {
                int at = 0;
                while (at < Math.min(want.size(), got.size()) && Objects.equals(want.get(at), got.get(at))) {
                    at++;
                }
                differences.add(table + ": " + want.size() + " rows after the restart, " + got.size() + " after the replay; first difference at "
                        + at + ": " + (at < want.size() ? want.get(at) : "-") + " / " + (at < got.size() ? got.get(at) : "-"));
            }
        }
        return differences;
    }

    /** Counters that disagree with the rows they count, and search totals that disagree with the tags in SQL. */
    List<String> counterMismatches() {
        List<String> mismatches = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> counter : COUNTERS.entrySet()) {
                try (ResultSet rows = statement.executeQuery(counter.getValue())) {
                    while (rows.next()) {
                        mismatches.add(counter.getKey() + " of " + rows.getString(1));
                    }
                }
            }
            for (int tag = 0; tag < WriteLoad.TAGS; tag++) {
                try (ResultSet count = statement.executeQuery("select count(*) from post_tag where tag = 'tag" + tag + "'")) {
                    count.next();
                    long rows = count.getLong(1);
                    Object total = http.read("/api/search/posts?q=%23tag" + tag + "&limit=1", null).get("total");
                    if (((Number) total).longValue() != rows) {
                        mismatches.add("search total of #tag" + tag + " is " + total + ", post_tag has " + rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return mismatches;
    }
}
