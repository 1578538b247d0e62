package io.glimpse.query.social;

import java.util.UUID;

/**
 * What a block hides, decided here once for every read path. Between two users of whom either
 * blocks the other, neither sees the other's posts, comments, likes, follows, notifications or
 * search results, whoever blocked whom: in SQL with {@link #neitherBlocks}, for a page of search
 * hits with {@code SocialGraphRepository#blockedEitherWay}, for one user with
 * {@link #hidesContent}. Two exceptions, both so that a block can be undone: a profile is hidden
 * only from the user its owner blocks ({@link #hidesProfile}; the blocker still sees it, marked
 * {@code blockedByMe}), and a user's own list of blocks shows whom they block.
 */
public final class BlockPolicy {

    /** Stands for an anonymous viewer in queries: a user id no account ever has, so no block matches it. */
    public static final UUID ANONYMOUS = new UUID(0, 0);

    private BlockPolicy() {
    }

    public static UUID viewerOrAnonymous(UUID viewerId) {
        return viewerId == null ? ANONYMOUS : viewerId;
    }

    /** A condition true when neither {@code oneUser} nor {@code otherUser} (SQL expressions) blocks the other. */
    public static String neitherBlocks(String oneUser, String otherUser) {
        return "not exists (select 1 from user_block b where (b.blocker_id = " + oneUser + " and b.blocked_id = "
                + otherUser + ") or (b.blocker_id = " + otherUser + " and b.blocked_id = " + oneUser + "))";
    }

    /** Whether the user's posts, comments and lists are hidden from a viewer who stands to them so. */
    public static boolean hidesContent(Relation relation) {
        return relation != null && (relation.blocksMe() || relation.blockedByMe());
    }

    /** Whether the user's profile is hidden from a viewer who stands to them so: only if the user blocks the viewer. */
    public static boolean hidesProfile(Relation relation) {
        return relation != null && relation.blocksMe();
    }
}
