package io.glimpse.api.notification;

import io.glimpse.query.notification.NotificationIds;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Gives the notifications stored before ids were time-ordered their new ids
 * ({@link NotificationIds#timeOrdered}), and moves their read marks along, so that a notification
 * marked read stays read and a replay, which derives the new ids, finds its marks. A Java
 * migration because both databases must compute the same bits; a Spring bean so Flyway finds it
 * inside the application jar as well.
 */
@Component
public class V12__Time_ordered_notification_ids extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("select id, created_at from notification");
             PreparedStatement marks = connection.prepareStatement(
                     "update notification_read_override set notification_id = ? where notification_id = ?");
             PreparedStatement rows = connection.prepareStatement("update notification set id = ? where id = ?");
             ResultSet notifications = query(select)) {
            int pending = 0;
            while (notifications.next()) {
                UUID old = notifications.getObject(1, UUID.class);
                UUID renamed = NotificationIds.timeOrdered(old, notifications.getObject(2, OffsetDateTime.class).toInstant());
                for (PreparedStatement update : new PreparedStatement[]{marks, rows}) {
                    update.setObject(1, renamed);
                    update.setObject(2, old);
                    update.addBatch();
                }
                if (++pending == BATCH) {
                    marks.executeBatch();
                    rows.executeBatch();
                    pending = 0;
                }
            }
            marks.executeBatch();
            rows.executeBatch();
        }
    }

    /** Read in pages, so that millions of notifications need no more memory than a thousand. */
    private static ResultSet query(PreparedStatement select) throws SQLException {
        select.setFetchSize(BATCH);
        return select.executeQuery();
    }
}
