package io.glimpse.query.feature;

import io.glimpse.events.feature.FeatureFlagEvent.BlocklistAdded;
import io.glimpse.events.feature.FeatureFlagEvent.BlocklistRemoved;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagCreated;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagDeleted;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagDisabled;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagEnabled;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagReverted;
import io.glimpse.events.feature.FeatureFlagEvent.RolloutChanged;
import io.glimpse.events.feature.FeatureFlagEvent.WhitelistAdded;
import io.glimpse.events.feature.FeatureFlagEvent.WhitelistRemoved;
import io.glimpse.events.feature.FeatureFlagEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

import static io.glimpse.query.feature.FeatureFlagRepository.BLOCKLIST;
import static io.glimpse.query.feature.FeatureFlagRepository.WHITELIST;

/**
 * Feature flags and their history. A flag's version is the number of its events so far (its
 * aggregate's sequence number plus one), the same number a revert names.
 */
@Component
@ProcessingGroup(FeatureFlagProjection.NAME)
public class FeatureFlagProjection {

    public static final String NAME = "feature-flags-projection";

    private final FeatureFlagRepository flags;

    FeatureFlagProjection(FeatureFlagRepository flags) {
        this.flags = flags;
    }

    @EventHandler
    void on(FeatureFlagCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.create(event.flag(), event.description(), sequence + 1, event.changedBy(), at);
        flags.record(event.flag(), sequence + 1, "created", event.description(), event.changedBy(), at);
    }

    @EventHandler
    void on(RolloutChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.setPercentage(event.flag(), event.percentage());
        flags.record(event.flag(), sequence + 1, "rollout", event.percentage() + "%", event.changedBy(), at);
    }

    @EventHandler
    void on(FeatureFlagEnabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.setEnabled(event.flag(), true);
        flags.record(event.flag(), sequence + 1, "enabled", "", event.changedBy(), at);
    }

    @EventHandler
    void on(FeatureFlagDisabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.setEnabled(event.flag(), false);
        flags.record(event.flag(), sequence + 1, "disabled", "", event.changedBy(), at);
    }

    @EventHandler
    void on(WhitelistAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        member(event, WHITELIST, event.userId(), true, sequence, at);
    }

    @EventHandler
    void on(WhitelistRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        member(event, WHITELIST, event.userId(), false, sequence, at);
    }

    @EventHandler
    void on(BlocklistAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        member(event, BLOCKLIST, event.userId(), true, sequence, at);
    }

    @EventHandler
    void on(BlocklistRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        member(event, BLOCKLIST, event.userId(), false, sequence, at);
    }

    /** The flag goes; its history stays, so that who deleted it and what it was can still be read. */
    @EventHandler
    void on(FeatureFlagDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.record(event.flag(), sequence + 1, "deleted", "", event.changedBy(), at);
        flags.delete(event.flag());
    }

    @EventHandler
    void on(FeatureFlagReverted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        flags.setEnabled(event.flag(), event.enabled());
        flags.setPercentage(event.flag(), event.percentage());
        flags.replaceMembers(event.flag(), WHITELIST, event.whitelist());
        flags.replaceMembers(event.flag(), BLOCKLIST, event.blocklist());
        flags.record(event.flag(), sequence + 1, "reverted", "to version " + event.toVersion() + ": "
                + (event.enabled() ? "enabled" : "disabled") + ", " + event.percentage() + "%, whitelist "
                + new TreeSet<>(event.whitelist()) + ", blocklist " + new TreeSet<>(event.blocklist()),
                event.changedBy(), at);
    }

    /** The history names the change as in "whitelist-added", with the user as its detail. */
    private void member(FeatureFlagEvent event, String list, UUID userId, boolean added, long sequence, Instant at) {
        if (added) {
            flags.addMember(event.flag(), list, userId);
        } else {
            flags.removeMember(event.flag(), list, userId);
        }
        flags.record(event.flag(), sequence + 1, list.toLowerCase(java.util.Locale.ROOT) + (added ? "-added" : "-removed"),
                userId.toString(), event.changedBy(), at);
    }

    @ResetHandler
    void reset() {
        flags.deleteAll();
    }
}
