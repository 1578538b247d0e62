package io.glimpse.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates whose streams grow without bound (a pair of users following and unfollowing, a like
 * toggled, a profile or caption edited again and again) are snapshotted every
 * {@value #EVENTS_BETWEEN_SNAPSHOTS} events, so that loading one reads at most that many events
 * after its latest snapshot. Snapshots are the aggregate's fields as JSON (hence
 * {@link SnapshotFields} on each such aggregate); they can be deleted at any time, the events
 * stay the truth.
 */
@Configuration(proxyBeanMethods = false)
public class Snapshots {

    public static final String TRIGGER = "snapshotEveryHundredEvents";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 100;

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotEveryHundredEvents(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
