package io.glimpse.query.social;

/** How a user stands to the viewer. */
public record Relation(boolean followedByMe, boolean followsMe, boolean blockedByMe, boolean blocksMe) {

    public static final Relation NONE = new Relation(false, false, false, false);
}
