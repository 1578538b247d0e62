package io.glimpse.command.feature;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A flag's state after one of its events; immutable, so the aggregate can keep one per version. */
record FlagState(boolean exists, boolean enabled, int percentage, Set<UUID> whitelist, Set<UUID> blocklist) {

    static final FlagState NONE = new FlagState(false, false, 0, Set.of(), Set.of());
    static final FlagState CREATED = new FlagState(true, false, 0, Set.of(), Set.of());

    FlagState {
        whitelist = Set.copyOf(whitelist);
        blocklist = Set.copyOf(blocklist);
    }

    FlagState enabled(boolean on) {
        return new FlagState(exists, on, percentage, whitelist, blocklist);
    }

    FlagState percentage(int value) {
        return new FlagState(exists, enabled, value, whitelist, blocklist);
    }

    FlagState whitelist(UUID user, boolean add) {
        return new FlagState(exists, enabled, percentage, changed(whitelist, user, add), blocklist);
    }

    FlagState blocklist(UUID user, boolean add) {
        return new FlagState(exists, enabled, percentage, whitelist, changed(blocklist, user, add));
    }

    private static Set<UUID> changed(Set<UUID> users, UUID user, boolean add) {
        Set<UUID> copy = new HashSet<>(users);
        if (add) {
            copy.add(user);
        } else {
            copy.remove(user);
        }
        return copy;
    }
}
