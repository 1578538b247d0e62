package io.glimpse.query.social;

/** SQL that keeps apart users of whom either blocks the other, for every read model that must hide them. */
public final class BlockFilter {

    /** Stands for an anonymous viewer in queries: a user id no account ever has, so nothing matches it. */
    public static final java.util.UUID ANONYMOUS = new java.util.UUID(0, 0);

    private BlockFilter() {
    }

    public static java.util.UUID viewerOrAnonymous(java.util.UUID viewerId) {
        return viewerId == null ? ANONYMOUS : viewerId;
    }

    /** A condition true when neither {@code oneUser} nor {@code otherUser} (SQL expressions) blocks the other. */
    public static String noBlockBetween(String oneUser, String otherUser) {
        return "not exists (select 1 from user_block b where (b.blocker_id = " + oneUser + " and b.blocked_id = "
                + otherUser + ") or (b.blocker_id = " + otherUser + " and b.blocked_id = " + oneUser + "))";
    }
}
