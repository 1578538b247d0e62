package io.glimpse.api.notification;

import io.glimpse.query.notification.NotificationIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V12 on both databases: notifications stored with the name-based ids of before get
 * their time-ordered ids, and their read marks follow them. H2 in a database of its own,
 * PostgreSQL in a schema of its own, so the other tests' database is left alone.
 */
class NotificationIdsMigrationTest {

    private static final String SCHEMA = "notification_ids_migration";

    static Stream<Arguments> databases() {
        String postgres = Optional.ofNullable(System.getenv("GLIMPSE_TEST_POSTGRES_URL"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/glimpse_test");
        return Stream.of(
                Arguments.of("h2", new DriverManagerDataSource("jdbc:h2:mem:notification-ids-migration;DB_CLOSE_DELAY=-1"),
                        "PUBLIC"),
                Arguments.of("postgresql", new DriverManagerDataSource(postgres, "glimpse", "glimpse"), SCHEMA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givesStoredNotificationsTimeOrderedIdsAndKeepsTheirReadMarks(String vendor, DataSource database,
                                                                     String schema) {
        Flyway.configure().dataSource(database).schemas(schema).cleanDisabled(false).load().clean();
        migrate(database, vendor, schema, "11");
        JdbcClient jdbc = JdbcClient.create(database);
        UUID named = UUID.nameUUIDFromBytes("some-event/some-recipient/LIKE".getBytes());
        UUID untouched = UUID.nameUUIDFromBytes("other-event/some-recipient/FOLLOW".getBytes());
        UUID recipient = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
        insertNotification(jdbc, schema, named, recipient, at);
        insertNotification(jdbc, schema, untouched, recipient, at.plusSeconds(60));
        jdbc.sql("insert into " + schema + ".notification_read_override (notification_id, recipient_id, is_read)"
                + " values (?, ?, true)").params(named, recipient).update();

        migrate(database, vendor, schema, "latest");

        UUID renamed = NotificationIds.timeOrdered(named, at);
        assertThat(jdbc.sql("select id from " + schema + ".notification order by created_at").query(UUID.class).list())
                .containsExactly(renamed, NotificationIds.timeOrdered(untouched, at.plusSeconds(60)));
        assertThat(jdbc.sql("select notification_id from " + schema + ".notification_read_override")
                .query(UUID.class).list()).containsExactly(renamed);
        assertThat(renamed.version()).isEqualTo(8);
        assertThat(renamed.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    private static void migrate(DataSource database, String vendor, String schema, String target) {
        Flyway.configure().dataSource(database).schemas(schema)
                .locations("classpath:db/migration/" + vendor, "classpath:db/migration/common")
                .javaMigrations(new V12__Time_ordered_notification_ids())
                .target(target)
                .load().migrate();
    }

    private static void insertNotification(JdbcClient jdbc, String schema, UUID id, UUID recipient, Instant at) {
        jdbc.sql("insert into " + schema + ".notification (id, recipient_id, type, actor_id, created_at)"
                        + " values (?, ?, 'LIKE', ?, ?)")
                .params(id, recipient, UUID.randomUUID(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }
}
