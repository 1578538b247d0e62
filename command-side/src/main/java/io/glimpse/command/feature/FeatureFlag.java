package io.glimpse.command.feature;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.Requester;
import io.glimpse.command.feature.FeatureFlagCommands.AddToBlocklist;
import io.glimpse.command.feature.FeatureFlagCommands.AddToWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.CreateFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.DeleteFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.EnableFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.RemoveFromBlocklist;
import io.glimpse.command.feature.FeatureFlagCommands.RemoveFromWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.RevertFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.SetRollout;
import io.glimpse.events.feature.FeatureFlagEvent;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A feature flag for gray release: on or off, a rollout percentage, a whitelist and a blocklist.
 * Admins only. It keeps its state after each of its events (version n is the state after the
 * n-th), so that a revert to any earlier version is decided here and recorded as one event
 * carrying the target state. An admin changes a flag a handful of times, so the list stays small.
 * A deleted flag may be created again under its name; its versions go on counting.
 */
@Aggregate
public class FeatureFlag {

    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    public static final int DESCRIPTION_MAX = 500;

    @AggregateIdentifier
    private String flag;
    private final List<FlagState> versions = new ArrayList<>();

    protected FeatureFlag() {
        // created by its first command, rebuilt from its events afterwards
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateFeatureFlag command) {
        requireAdmin(command.requester());
        if (!command.flag().matches(NAME_PATTERN)) {
            throw CommandRejectedException.invalid("name",
                    "A flag name is 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String description = command.description() == null ? "" : command.description().strip();
        if (description.length() > DESCRIPTION_MAX) {
            throw CommandRejectedException.invalid("description", "must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (current().exists()) {
            throw CommandRejectedException.conflict("name", "is already a feature flag");
        }
        apply(new FeatureFlagCreated(command.flag(), description, command.requester().userId()));
    }

    @CommandHandler
    void handle(SetRollout command) {
        requireAdmin(command.requester());
        requireLive();
        if (command.percentage() < 0 || command.percentage() > 100) {
            throw CommandRejectedException.invalid("percentage", "must be between 0 and 100");
        }
        if (current().percentage() != command.percentage()) {
            apply(new RolloutChanged(flag, command.percentage(), command.requester().userId()));
        }
    }

    @CommandHandler
    void handle(EnableFeatureFlag command) {
        requireAdmin(command.requester());
        requireLive();
        if (current().enabled() != command.enabled()) {
            apply(command.enabled()
                    ? new FeatureFlagEnabled(flag, command.requester().userId())
                    : new FeatureFlagDisabled(flag, command.requester().userId()));
        }
    }

    @CommandHandler
    void handle(AddToWhitelist command) {
        requireAdmin(command.requester());
        requireLive();
        if (!current().whitelist().contains(command.userId())) {
            apply(new WhitelistAdded(flag, command.userId(), command.requester().userId()));
        }
    }

    @CommandHandler
    void handle(RemoveFromWhitelist command) {
        requireAdmin(command.requester());
        requireLive();
        if (current().whitelist().contains(command.userId())) {
            apply(new WhitelistRemoved(flag, command.userId(), command.requester().userId()));
        }
    }

    @CommandHandler
    void handle(AddToBlocklist command) {
        requireAdmin(command.requester());
        requireLive();
        if (!current().blocklist().contains(command.userId())) {
            apply(new BlocklistAdded(flag, command.userId(), command.requester().userId()));
        }
    }

    @CommandHandler
    void handle(RemoveFromBlocklist command) {
        requireAdmin(command.requester());
        requireLive();
        if (current().blocklist().contains(command.userId())) {
            apply(new BlocklistRemoved(flag, command.userId(), command.requester().userId()));
        }
    }

    /** Deleting twice is not an error. */
    @CommandHandler
    void handle(DeleteFeatureFlag command) {
        requireAdmin(command.requester());
        if (current().exists()) {
            apply(new FeatureFlagDeleted(flag, command.requester().userId()));
        }
    }

    /** Reverting to the state it already has changes nothing and records nothing. */
    @CommandHandler
    void handle(RevertFeatureFlag command) {
        requireAdmin(command.requester());
        requireLive();
        if (command.toVersion() < 1 || command.toVersion() > versions.size()) {
            throw CommandRejectedException.invalid("version", "must be between 1 and " + versions.size());
        }
        FlagState target = versions.get((int) command.toVersion() - 1);
        if (!target.exists()) {
            throw CommandRejectedException.invalid("version", "the flag was deleted at that version");
        }
        if (!target.equals(current())) {
            apply(new FeatureFlagReverted(flag, command.toVersion(), target.enabled(), target.percentage(),
                    target.whitelist(), target.blocklist(), command.requester().userId()));
        }
    }

    @EventSourcingHandler
    void on(FeatureFlagEvent event) {
        flag = event.flag();
        versions.add(after(current(), event));
    }

    private static FlagState after(FlagState before, FeatureFlagEvent event) {
        if (event instanceof FeatureFlagCreated) {
            return FlagState.CREATED;
        } else if (event instanceof RolloutChanged changed) {
            return before.percentage(changed.percentage());
        } else if (event instanceof FeatureFlagEnabled) {
            return before.enabled(true);
        } else if (event instanceof FeatureFlagDisabled) {
            return before.enabled(false);
        } else if (event instanceof WhitelistAdded added) {
            return before.whitelist(added.userId(), true);
        } else if (event instanceof WhitelistRemoved removed) {
            return before.whitelist(removed.userId(), false);
        } else if (event instanceof BlocklistAdded added) {
            return before.blocklist(added.userId(), true);
        } else if (event instanceof BlocklistRemoved removed) {
            return before.blocklist(removed.userId(), false);
        } else if (event instanceof FeatureFlagReverted reverted) {
            return new FlagState(true, reverted.enabled(), reverted.percentage(), reverted.whitelist(),
                    reverted.blocklist());
        }
        return FlagState.NONE; // FeatureFlagDeleted
    }

    private FlagState current() {
        return versions.isEmpty() ? FlagState.NONE : versions.get(versions.size() - 1);
    }

    private void requireLive() {
        if (!current().exists()) {
            throw CommandRejectedException.notFound("No such feature flag");
        }
    }

    private static void requireAdmin(Requester requester) {
        if (!requester.admin()) {
            throw CommandRejectedException.forbidden("Only admins may change feature flags");
        }
    }
}
