package io.glimpse.command.feature;

import io.glimpse.command.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Commands on a {@code FeatureFlag}, named by the flag. Only admins may send them. */
public final class FeatureFlagCommands {

    private FeatureFlagCommands() {
    }

    public record CreateFeatureFlag(@TargetAggregateIdentifier String flag, String description, Requester requester) {
    }

    public record SetRollout(@TargetAggregateIdentifier String flag, int percentage, Requester requester) {
    }

    public record EnableFeatureFlag(@TargetAggregateIdentifier String flag, boolean enabled, Requester requester) {
    }

    public record AddToWhitelist(@TargetAggregateIdentifier String flag, UUID userId, Requester requester) {
    }

    public record RemoveFromWhitelist(@TargetAggregateIdentifier String flag, UUID userId, Requester requester) {
    }

    public record AddToBlocklist(@TargetAggregateIdentifier String flag, UUID userId, Requester requester) {
    }

    public record RemoveFromBlocklist(@TargetAggregateIdentifier String flag, UUID userId, Requester requester) {
    }

    public record DeleteFeatureFlag(@TargetAggregateIdentifier String flag, Requester requester) {
    }

    /** Back to the state after the flag's {@code toVersion}-th change (1 is its creation). */
    public record RevertFeatureFlag(@TargetAggregateIdentifier String flag, long toVersion, Requester requester) {
    }
}
