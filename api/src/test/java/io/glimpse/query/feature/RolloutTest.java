package io.glimpse.query.feature;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutTest {

    /** The same 10,000 synthetic users every run, so that a tolerance that holds holds always. */
    private static final List<UUID> USERS = syntheticUsers();

    private static List<UUID> syntheticUsers() {
        java.util.Random random = new java.util.Random(20261204);
        return IntStream.range(0, 10_000).mapToObj(i -> new UUID(random.nextLong(), random.nextLong())).toList();
    }

    @Test
    void eachPercentageTakesInThatShareOfTenThousandUsersWithinOnePoint() {
        for (int percentage = 0; percentage <= 100; percentage += 5) {
            int p = percentage;
            long in = USERS.stream().filter(user -> Rollout.includes("new-feed", user, p)).count();
            assertThat(in / 100.0).as("%d%%", p).isCloseTo(p, org.assertj.core.data.Offset.offset(1.5));
        }
        assertThat(USERS).noneMatch(user -> Rollout.includes("new-feed", user, 0));
        assertThat(USERS).allMatch(user -> Rollout.includes("new-feed", user, 100));
    }

    @Test
    void raisingThePercentageOnlyAddsUsers() {
        Set<UUID> before = Set.of();
        for (int percentage = 0; percentage <= 100; percentage++) {
            int p = percentage;
            Set<UUID> now = USERS.stream().filter(user -> Rollout.includes("new-feed", user, p)).collect(Collectors.toSet());
            assertThat(now).containsAll(before);
            before = now;
        }
    }

    @Test
    void aUsersBucketIsStableAndDiffersBetweenFlags() {
        UUID user = USERS.get(0);
        assertThat(Rollout.bucket("new-feed", user)).isEqualTo(Rollout.bucket("new-feed", user)).isBetween(0, 99);
        Set<UUID> firstTenthOfOne = USERS.stream().filter(u -> Rollout.includes("one", u, 10)).collect(Collectors.toSet());
        Set<UUID> firstTenthOfOther = USERS.stream().filter(u -> Rollout.includes("other", u, 10)).collect(Collectors.toSet());
        firstTenthOfOne.retainAll(firstTenthOfOther);
        // Independent hashes overlap in about 1% of users, not 10%.
        assertThat(firstTenthOfOne.size()).isLessThan(300);
    }

    @Test
    void theBlocklistWinsOverTheWhitelistAndTheWhitelistOverThePercentageAndDisabledIsOffForAll() {
        UUID user = USERS.get(1);
        assertThat(new FlagRule("f", true, 0, true, false).isOnFor(user)).isTrue();
        assertThat(new FlagRule("f", true, 100, true, true).isOnFor(user)).isFalse();
        assertThat(new FlagRule("f", true, 100, false, true).isOnFor(user)).isFalse();
        assertThat(new FlagRule("f", true, 100, false, false).isOnFor(user)).isTrue();
        assertThat(new FlagRule("f", false, 100, true, false).isOnFor(user)).isFalse();
    }
}
