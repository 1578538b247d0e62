package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every timeline store does, whichever technology holds the timelines. */
abstract class TimelineStoreContract {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000001Z");

    final UUID ann = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID author = UUID.randomUUID();
    TimelineStore store;

    abstract TimelineStore store();

    @BeforeEach
    void setUp() {
        store = store();
    }

    static TimelineEntry entry(UUID author, int secondsAfterT0) {
        return new TimelineEntry(UUID.randomUUID(), author, T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void aPushedPostAppearsInEveryTargetTimelineNewestFirst() {
        TimelineEntry older = entry(author, 1);
        TimelineEntry newer = entry(author, 2);
        store.push(List.of(ann, bob), older);
        store.push(List.of(ann, bob), newer);
        store.push(List.of(ann), newer);

        assertThat(store.page(ann, null, 10)).containsExactly(newer, older);
        assertThat(store.page(bob, null, 10)).containsExactly(newer, older);
        assertThat(store.size(ann)).isEqualTo(2);
    }

    /** A fan-out's batches, read one at a time while the store writes: every owner of every batch gets it once. */
    @Test
    void aPostPushedBatchByBatchReachesEveryOwnerOfEveryBatch() {
        List<List<UUID>> batches = java.util.stream.IntStream.range(0, 5)
                .mapToObj(b -> java.util.stream.IntStream.range(0, 7).mapToObj(i -> UUID.randomUUID()).toList())
                .toList();
        TimelineEntry entry = entry(author, 1);
        List<Integer> read = new ArrayList<>();
        store.pushEach(java.util.stream.IntStream.range(0, batches.size()).peek(read::add)
                .mapToObj(batches::get).iterator(), entry);
        store.pushEach(batches.iterator(), entry);

        assertThat(read).containsExactly(0, 1, 2, 3, 4);
        for (List<UUID> batch : batches) {
            for (UUID owner : batch) {
                assertThat(store.page(owner, null, 10)).containsExactly(entry);
            }
        }
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGapsEvenForEqualTimes() {
        List<TimelineEntry> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TimelineEntry entry = entry(author, i / 3);
            all.add(entry);
            store.push(List.of(ann), entry);
        }
        all.sort((a, b) -> a.createdAt().equals(b.createdAt())
                ? b.postId().toString().compareTo(a.postId().toString()) : b.createdAt().compareTo(a.createdAt()));

        List<TimelineEntry> seen = new ArrayList<>();
        Cursor cursor = null;
        for (int page = 0; page < 4; page++) {
            List<TimelineEntry> entries = store.page(ann, cursor, 2);
            seen.addAll(entries);
            if (entries.isEmpty()) {
                break;
            }
            TimelineEntry last = entries.get(entries.size() - 1);
            cursor = new Cursor(last.createdAt(), last.postId());
        }
        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    void newPostsArrivingWhilePagingDoNotShiftLaterPages() {
        for (int i = 0; i < 4; i++) {
            store.push(List.of(ann), entry(author, i));
        }
        List<TimelineEntry> first = store.page(ann, null, 2);
        store.push(List.of(ann), entry(author, 100));
        TimelineEntry last = first.get(1);
        List<TimelineEntry> second = store.page(ann, new Cursor(last.createdAt(), last.postId()), 2);
        assertThat(second).extracting(TimelineEntry::createdAt).containsExactly(T0.plusSeconds(1), T0);
    }

    @Test
    void mergeAddsPostsInTheirPlace() {
        TimelineEntry middle = entry(author, 5);
        store.push(List.of(ann), entry(author, 10));
        store.merge(ann, List.of(middle, entry(bob, 1)));
        assertThat(store.page(ann, null, 10)).extracting(TimelineEntry::createdAt)
                .containsExactly(T0.plusSeconds(10), T0.plusSeconds(5), T0.plusSeconds(1));
    }

    @Test
    void removeTakesOnePostOutOfTheGivenTimelines() {
        TimelineEntry gone = entry(author, 1);
        TimelineEntry kept = entry(author, 2);
        store.push(List.of(ann, bob), gone);
        store.push(List.of(ann, bob), kept);
        store.remove(List.of(ann, bob), gone);
        assertThat(store.page(ann, null, 10)).containsExactly(kept);
        assertThat(store.page(bob, null, 10)).containsExactly(kept);
    }

    @Test
    void removeAuthorTakesOutEveryPostOfThatAuthorOnly() {
        store.push(List.of(ann), entry(author, 1));
        store.push(List.of(ann), entry(author, 2));
        TimelineEntry other = entry(bob, 3);
        store.push(List.of(ann), other);
        store.removeAuthor(ann, author);
        assertThat(store.page(ann, null, 10)).containsExactly(other);
    }

    @Test
    void clearEmptiesOneTimelineAndClearAllEveryOne() {
        store.push(List.of(ann, bob), entry(author, 1));
        store.clear(ann);
        assertThat(store.page(ann, null, 10)).isEmpty();
        assertThat(store.page(bob, null, 10)).hasSize(1);
        store.clearAll();
        assertThat(store.page(bob, null, 10)).isEmpty();
    }

    @Test
    void timesKeepMicrosecondPrecision() {
        TimelineEntry precise = new TimelineEntry(UUID.randomUUID(), author, T0.plus(123_456, ChronoUnit.MICROS));
        store.push(List.of(ann), precise);
        assertThat(store.page(ann, null, 1)).containsExactly(precise);
    }
}
