package io.glimpse.query.feature;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/** The feature flags' read model: flags, their whitelists and blocklists, and their history. */
@Repository
public class FeatureFlagRepository {

    public static final String WHITELIST = "WHITELIST";
    public static final String BLOCKLIST = "BLOCKLIST";

    private static final RowMapper<FlagChange> CHANGE = (rs, row) -> new FlagChange(rs.getString("flag"),
            rs.getLong("version"), rs.getString("change"), rs.getString("detail"),
            rs.getObject("changed_by", UUID.class), instant(rs.getObject("changed_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    public FeatureFlagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Writes, by FeatureFlagProjection

    void create(String name, String description, long version, UUID by, Instant at) {
        jdbc.sql("""
                        insert into feature_flag_view (name, description, enabled, percentage, version, created_at,
                                                       updated_at, updated_by)
                        values (?, ?, false, 0, ?, ?, ?, ?)""")
                .params(name, description, version, utc(at), utc(at), by).update();
    }

    void setEnabled(String name, boolean enabled) {
        jdbc.sql("update feature_flag_view set enabled = ? where name = ?").params(enabled, name).update();
    }

    void setPercentage(String name, int percentage) {
        jdbc.sql("update feature_flag_view set percentage = ? where name = ?").params(percentage, name).update();
    }

    void addMember(String name, String list, UUID userId) {
        jdbc.sql("""
                        insert into feature_flag_member (flag, list, user_id)
                        select ?, ?, ? where not exists (select 1 from feature_flag_member
                                                          where flag = ? and list = ? and user_id = ?)""")
                .params(name, list, userId, name, list, userId).update();
    }

    void removeMember(String name, String list, UUID userId) {
        jdbc.sql("delete from feature_flag_member where flag = ? and list = ? and user_id = ?")
                .params(name, list, userId).update();
    }

    void replaceMembers(String name, String list, Collection<UUID> users) {
        jdbc.sql("delete from feature_flag_member where flag = ? and list = ?").params(name, list).update();
        users.forEach(user -> addMember(name, list, user));
    }

    void delete(String name) {
        jdbc.sql("delete from feature_flag_member where flag = ?").param(name).update();
        jdbc.sql("delete from feature_flag_view where name = ?").param(name).update();
    }

    /** Every change moves the flag's version and says who made it, and is kept in its history. */
    void record(String name, long version, String change, String detail, UUID by, Instant at) {
        jdbc.sql("update feature_flag_view set version = ?, updated_at = ?, updated_by = ? where name = ?")
                .params(version, utc(at), by, name).update();
        jdbc.sql("""
                        insert into feature_flag_change (flag, version, change, detail, changed_by, changed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(name, version, change, detail, by, utc(at)).update();
    }

    void deleteAll() {
        jdbc.sql("delete from feature_flag_change").update();
        jdbc.sql("delete from feature_flag_member").update();
        jdbc.sql("delete from feature_flag_view").update();
    }

    // Reads

    public List<FeatureFlagView> all() {
        return jdbc.sql("select * from feature_flag_view order by name").query(this::flag).list();
    }

    public Optional<FeatureFlagView> find(String name) {
        return jdbc.sql("select * from feature_flag_view where name = ?").param(name).query(this::flag).optional();
    }

    /** Oldest first; also for a deleted flag, whose history stays. */
    public List<FlagChange> history(String name) {
        return jdbc.sql("select * from feature_flag_change where flag = ? order by version").param(name)
                .query(CHANGE).list();
    }

    /** The rule of one flag as it applies to this user, if the flag exists. */
    public Optional<FlagRule> rule(String name, UUID userId) {
        return rules(userId, "where f.name = :name", name).stream().findFirst();
    }

    /** The rule of every flag as it applies to this user. */
    public List<FlagRule> rules(UUID userId) {
        return rules(userId, "", null);
    }

    private List<FlagRule> rules(UUID userId, String where, String name) {
        Map<String, FlagRule> rules = new LinkedHashMap<>();
        jdbc.sql("""
                        select f.name, f.enabled, f.percentage, m.list
                          from feature_flag_view f
                          left join feature_flag_member m on m.flag = f.name and m.user_id = :user
                        """ + where + " order by f.name")
                .params(name == null ? Map.of("user", userId) : Map.of("user", userId, "name", name))
                .query((rs, row) -> {
                    String flag = rs.getString("name");
                    String list = rs.getString("list");
                    FlagRule before = rules.getOrDefault(flag,
                            new FlagRule(flag, rs.getBoolean("enabled"), rs.getInt("percentage"), false, false));
                    rules.put(flag, new FlagRule(flag, before.enabled(), before.percentage(),
                            before.whitelisted() || WHITELIST.equals(list), before.blocklisted() || BLOCKLIST.equals(list)));
                    return flag;
                })
                .list();
        return new ArrayList<>(rules.values());
    }

    private FeatureFlagView flag(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String name = rs.getString("name");
        return new FeatureFlagView(name, rs.getString("description"), rs.getBoolean("enabled"),
                rs.getInt("percentage"), members(name, WHITELIST), members(name, BLOCKLIST), rs.getLong("version"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)), rs.getObject("updated_by", UUID.class));
    }

    private List<UUID> members(String name, String list) {
        return jdbc.sql("select user_id from feature_flag_member where flag = ? and list = ? order by user_id")
                .params(name, list).query(UUID.class).list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
