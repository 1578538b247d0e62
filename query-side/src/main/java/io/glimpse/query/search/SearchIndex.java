package io.glimpse.query.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The search index: posts found by caption words, tags and author usernames; tags and users
 * suggested by prefix. Two adapters behind one contract test ({@code SearchIndexContract}):
 * Elasticsearch (production) and Lucene on local disk (the embedded default).
 *
 * <p>Ranking is the same in both, by construction rather than by tuning: every query term must
 * match, and each contributes a fixed weight for where it matched ({@link #TAG_WEIGHT},
 * {@link #AUTHOR_WEIGHT}, {@link #CAPTION_WEIGHT}, summed); equal scores are ordered newest first,
 * then by {@link #tiebreak}. No corpus statistics take part, so shards, segment merges and deleted documents
 * never reorder results, and offset pages stay stable.
 *
 * <p>The index is kept in generations. Reads are served by the live one; a rebuild writes a new
 * generation while the live one keeps answering, then swaps it in at once ({@link #beginRebuild},
 * {@link #completeRebuild}).
 */
public interface SearchIndex {

    float TAG_WEIGHT = 3;
    float AUTHOR_WEIGHT = 2;
    float CAPTION_WEIGHT = 1;
    /** User suggestions: the exact username first, then usernames with the prefix, then display names. */
    float EXACT_USERNAME_WEIGHT = 3;
    float USERNAME_PREFIX_WEIGHT = 2;
    float DISPLAY_NAME_PREFIX_WEIGHT = 1;

    /**
     * The last sort key of posts, so that equal scores at the same time still have one order: a
     * number from the post id. A number, not the id itself: Elasticsearch 9.2 sorts by score, a
     * number and a keyword some 30 times slower than by score and two numbers (measured on 100,000
     * posts: 300-700 ms against 10-20 ms for a word in most posts).
     *
     * <p>The low half of the id, not the high half: post ids are UUID version 7, and the ids one
     * node hands out within one millisecond share their high half and count up in the low one. With
     * the high half such posts tied, and their order was the order they happened to be indexed in,
     * which a rebuild need not repeat (the reliability run's replay check caught it). Counting up,
     * the low half also puts the later of two such posts first, as the time does for the rest.
     */
    static long tiebreak(UUID postId) {
        return postId.getLeastSignificantBits();
    }

    /** Writes the changes, in order, to the generation being written, and makes them visible to reads of it. */
    void apply(List<IndexChange> changes);

    /** Posts matching every term, leaving out those of {@code hiddenAuthors}. */
    PostHits searchPosts(PostSearch search);

    /**
     * Tags starting with {@code prefix} (lower case, without '#'), most used first (then
     * alphabetically), with the number of posts having them, not counting posts of {@code hiddenAuthors}.
     */
    List<TagCount> suggestTags(String prefix, Set<UUID> hiddenAuthors, int limit);

    /**
     * Ids of the users whose username starts with {@code prefix} (lower case), or one of whose
     * display name's words does; the exact username first, then username matches before display
     * name matches, then by username.
     */
    List<UUID> suggestUsers(String prefix, Set<UUID> hiddenUsers, int limit);

    /** Whether a live generation exists: false when there never was one, or it was lost (deleted, wiped). */
    boolean isIntact();

    /** Creates an empty live generation if there is none: a fresh start with no event to replay. */
    void initialize();

    /**
     * Starts a new generation: from now on writes go to it, while reads stay on the live one. When
     * there is no live generation (it was lost), the new one serves reads at once, filling up as the
     * replay proceeds. Starting again discards the generation being built.
     */
    void beginRebuild();

    /** Whether a generation is being built. */
    boolean isRebuilding();

    /** Makes the generation being built the live one, in one step (an alias swap). */
    void completeRebuild();

    /**
     * Deletes generations that are neither live nor being built, once reads that may have started
     * on them before the swap are over.
     */
    void dropRetiredGenerations();

    /** What {@link #searchPosts} looks for: one page of the matches. */
    record PostSearch(SearchTerms terms, Set<UUID> hiddenAuthors, int offset, int limit) {

        public PostSearch {
            hiddenAuthors = Set.copyOf(hiddenAuthors);
        }
    }

    /** One page of matching post ids, best first, and how many posts match in all. */
    record PostHits(List<UUID> postIds, long total) {

        public static final PostHits NONE = new PostHits(List.of(), 0);
    }

    record TagCount(String tag, long postsCount) {
    }
}
