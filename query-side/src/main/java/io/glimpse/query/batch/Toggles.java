package io.glimpse.query.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch's on/off events about relations (likes, follows, blocks) add up to, relation by
 * relation. The command side only turns a relation on when it is off and off when it is on, so a
 * relation's events alternate: its first in the batch tells its state before, and the batch
 * changes it (once) only if its last agrees with its first. Like, unlike, like is one like (the
 * last); unlike, like is nothing to write.
 *
 * @param <K> what identifies a relation (a liked post and its liker)
 * @param <C> the change that turns it on or off, the last of which is written
 */
public final class Toggles<K, C> {

    private record FirstAndLast<C>(boolean first, boolean last, C change) {
    }

    private final Map<K, FirstAndLast<C>> relations = new LinkedHashMap<>();

    public void set(K relation, boolean on, C change) {
        relations.merge(relation, new FirstAndLast<>(on, on, change),
                (earlier, now) -> new FirstAndLast<>(earlier.first(), on, change));
    }

    /** The last change of each relation the batch turns on, in the order they were first touched. */
    public List<C> turnedOn() {
        return turned(true);
    }

    public List<C> turnedOff() {
        return turned(false);
    }

    private List<C> turned(boolean on) {
        return relations.values().stream()
                .filter(relation -> relation.first() == on && relation.last() == on)
                .map(FirstAndLast::change)
                .toList();
    }
}
