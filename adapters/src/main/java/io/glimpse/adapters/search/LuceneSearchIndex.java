package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange.EditPost;
import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange.PutUser;
import io.glimpse.query.search.IndexChange.RemovePost;
import io.glimpse.query.search.IndexChange.RemoveUser;
import io.glimpse.query.search.IndexChange.RenameUser;
import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded engine: Apache Lucene on local disk, under {@code <data-dir>/search}, one
 * directory per generation ({@code v1}, {@code v2}, ...) that {@code state.properties} names as
 * live or being built ({@link LuceneGenerations}). Posts and users are documents of one index,
 * told apart by {@code kind}. Every {@link #apply} commits (durable before the projection's
 * position is) and refreshes the near-real-time reader (visible before the write's request answers).
 */
public class LuceneSearchIndex extends GenerationalSearchIndex implements AutoCloseable {

    static final String KIND = "kind";
    static final String POST = "post";
    static final String USER = "user";
    static final String POST_ID = "post_id";
    static final String AUTHOR_ID = "author_id";
    static final String CAPTION = "caption";
    static final String TAG = "tag";
    static final String CREATED_AT = "created_at";
    static final String TIEBREAK = "tiebreak";
    static final String USER_ID = "user_id";
    static final String USERNAME = "username";
    static final String DISPLAY_NAME = "display_name";

    /** Relevance, then newest first, then by post id ({@link SearchIndex#tiebreak}): the same order as Elasticsearch's. */
    private static final Sort POST_ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField(CREATED_AT, SortField.Type.LONG, true), new SortField(TIEBREAK, SortField.Type.LONG, true));
    private static final Sort USER_ORDER = new Sort(SortField.FIELD_SCORE, new SortField(USERNAME, SortField.Type.STRING));
    private static final Query POSTS = new TermQuery(new Term(KIND, POST));
    private static final Query USERS = new TermQuery(new Term(KIND, USER));
    /** Words only: scores are fixed weights, so neither frequencies, positions nor length norms are kept. */
    private static final FieldType WORDS = words();

    private final LuceneGenerations generations;

    /** @param retiredGrace how long a replaced generation stays for reads that began before the swap */
    public LuceneSearchIndex(Path root, Duration retiredGrace) {
        this(new LuceneGenerations(root, retiredGrace));
    }

    private LuceneSearchIndex(LuceneGenerations generations) {
        super(generations);
        this.generations = generations;
    }

    @Override
    public void apply(List<IndexChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        synchronized (generations) { // a rebuild does not begin or end in the middle of a batch
            LuceneGenerations.Generation target = generations.writeTarget();
            try {
                for (IndexChange change : changes) {
                    write(target, change);
                }
                target.commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write to the search index " + target.path(), e);
            }
        }
    }

    private static void write(LuceneGenerations.Generation target, IndexChange change) throws IOException {
        if (change instanceof PutPost post) {
            target.writer().updateDocument(new Term(POST_ID, post.postId().toString()), postDocument(post));
        } else if (change instanceof EditPost edit) {
            Document stored = target.find(new Term(POST_ID, edit.postId().toString()));
            if (stored != null) {
                target.writer().updateDocument(new Term(POST_ID, edit.postId().toString()), postDocument(new PutPost(
                        edit.postId(), UUID.fromString(stored.get(AUTHOR_ID)), edit.caption(), edit.tags(),
                        fromMicros(stored.getField(CREATED_AT).numericValue().longValue()))));
            }
        } else if (change instanceof RemovePost removed) {
            target.writer().deleteDocuments(new Term(POST_ID, removed.postId().toString()));
        } else if (change instanceof PutUser user) {
            target.writer().updateDocument(new Term(USER_ID, user.userId().toString()), userDocument(user));
        } else if (change instanceof RenameUser rename) {
            Document stored = target.find(new Term(USER_ID, rename.userId().toString()));
            if (stored != null) {
                target.writer().updateDocument(new Term(USER_ID, rename.userId().toString()),
                        userDocument(new PutUser(rename.userId(), stored.get(USERNAME), rename.displayName())));
            }
        } else if (change instanceof RemoveUser removed) {
            target.writer().deleteDocuments(new Term(USER_ID, removed.userId().toString()),
                    new Term(AUTHOR_ID, removed.userId().toString()));
        } else {
            throw new IllegalArgumentException("Unknown index change " + change);
        }
        target.markChanged();
    }

    private static Document postDocument(PutPost post) {
        Document document = new Document();
        document.add(new StringField(KIND, POST, Field.Store.NO));
        document.add(new StringField(POST_ID, post.postId().toString(), Field.Store.YES));
        document.add(new NumericDocValuesField(TIEBREAK, SearchIndex.tiebreak(post.postId())));
        document.add(new StringField(AUTHOR_ID, post.authorId().toString(), Field.Store.YES));
        document.add(new Field(CAPTION, post.caption(), WORDS));
        post.tags().forEach(tag -> document.add(new StringField(TAG, tag, Field.Store.NO)));
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, post.createdAt());
        document.add(new NumericDocValuesField(CREATED_AT, micros));
        document.add(new StoredField(CREATED_AT, micros));
        return document;
    }

    private static Document userDocument(PutUser user) {
        Document document = new Document();
        document.add(new StringField(KIND, USER, Field.Store.NO));
        document.add(new StringField(USER_ID, user.userId().toString(), Field.Store.YES));
        document.add(new StringField(USERNAME, user.username(), Field.Store.YES));
        document.add(new SortedDocValuesField(USERNAME, new BytesRef(user.username())));
        document.add(new Field(DISPLAY_NAME, user.displayName() == null ? "" : user.displayName(), WORDS));
        return document;
    }

    private static FieldType words() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public PostHits searchPosts(PostSearch search) {
        if (search.terms().isEmpty()) {
            return PostHits.NONE;
        }
        return generations.read(searcher -> {
            Map<String, UUID> authors = usersNamed(searcher, search.terms().usernames());
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(POSTS, Occur.FILTER);
            for (SearchTerms.Term term : search.terms().terms()) {
                query.add(termQuery(term, authors.get(term.text())), Occur.MUST);
            }
            hide(query, AUTHOR_ID, search.hiddenAuthors());
            TopDocs top = searcher.search(query.build(),
                    new TopFieldCollectorManager(POST_ORDER, search.offset() + search.limit(), null, Integer.MAX_VALUE));
            List<UUID> ids = new ArrayList<>();
            ScoreDoc[] hits = top.scoreDocs;
            for (int i = search.offset(); i < hits.length; i++) {
                ids.add(UUID.fromString(searcher.storedFields().document(hits[i].doc, Set.of(POST_ID)).get(POST_ID)));
            }
            return new PostHits(ids, top.totalHits.value);
        }, PostHits.NONE);
    }

    /** A term matches where its scope allows: caption, tags, and posts of the user of that name. */
    private static Query termQuery(SearchTerms.Term term, UUID author) {
        BooleanQuery.Builder where = new BooleanQuery.Builder();
        if (term.scope() == SearchTerms.Scope.ANY) {
            where.add(weighted(new TermQuery(new Term(CAPTION, term.text())), CAPTION_WEIGHT), Occur.SHOULD);
        }
        if (term.scope() != SearchTerms.Scope.AUTHOR) {
            where.add(weighted(new TermQuery(new Term(TAG, term.text())), TAG_WEIGHT), Occur.SHOULD);
        }
        if (term.scope() != SearchTerms.Scope.TAG && author != null) {
            where.add(weighted(new TermQuery(new Term(AUTHOR_ID, author.toString())), AUTHOR_WEIGHT), Occur.SHOULD);
        }
        return where.setMinimumNumberShouldMatch(1).build();
    }

    private static Query weighted(Query query, float weight) {
        return new BoostQuery(new ConstantScoreQuery(query), weight);
    }

    private static void hide(BooleanQuery.Builder query, String field, Set<UUID> ids) {
        if (!ids.isEmpty()) {
            query.add(new TermInSetQuery(field, ids.stream().map(id -> new BytesRef(id.toString())).toList()),
                    Occur.MUST_NOT);
        }
    }

    private static Map<String, UUID> usersNamed(IndexSearcher searcher, Collection<String> usernames) throws IOException {
        Map<String, UUID> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        Query named = new BooleanQuery.Builder().add(USERS, Occur.FILTER)
                .add(new TermInSetQuery(USERNAME, usernames.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .build();
        for (ScoreDoc hit : searcher.search(named, usernames.size()).scoreDocs) {
            Document user = searcher.storedFields().document(hit.doc, Set.of(USER_ID, USERNAME));
            found.put(user.get(USERNAME), UUID.fromString(user.get(USER_ID)));
        }
        return found;
    }

    /**
     * Candidates come from the term dictionary in order of document frequency, an upper bound of
     * their count (it includes deleted and hidden posts), so counting stops once no remaining tag
     * can reach the last place.
     */
    @Override
    public List<TagCount> suggestTags(String prefix, Set<UUID> hiddenAuthors, int limit) {
        return generations.read(searcher -> {
            List<Candidate> candidates = tagsStartingWith(searcher, prefix);
            candidates.sort(Comparator.comparingInt(Candidate::upperBound).reversed());
            Comparator<TagCount> order = Comparator.comparingLong(TagCount::postsCount).reversed()
                    .thenComparing(TagCount::tag);
            List<TagCount> best = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (best.size() == limit && candidate.upperBound() < best.get(limit - 1).postsCount()) {
                    break;
                }
                BooleanQuery.Builder query = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(TAG, candidate.tag())), Occur.FILTER);
                hide(query, AUTHOR_ID, hiddenAuthors);
                int count = searcher.count(query.build());
                if (count > 0) {
                    best.add(new TagCount(candidate.tag(), count));
                    best.sort(order);
                    if (best.size() > limit) {
                        best.remove(limit);
                    }
                }
            }
            return best;
        }, List.of());
    }

    private record Candidate(String tag, int upperBound) {
    }

    private static List<Candidate> tagsStartingWith(IndexSearcher searcher, String prefix) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), TAG);
        if (terms == null) {
            return candidates;
        }
        BytesRef start = new BytesRef(prefix);
        TermsEnum tags = terms.iterator();
        if (tags.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return candidates;
        }
        for (BytesRef tag = tags.term(); tag != null && StringHelper.startsWith(tag, start); tag = tags.next()) {
            candidates.add(new Candidate(tag.utf8ToString(), tags.docFreq()));
        }
        return candidates;
    }

    @Override
    public List<UUID> suggestUsers(String prefix, Set<UUID> hiddenUsers, int limit) {
        return generations.read(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(USERS, Occur.FILTER)
                    .add(weighted(new TermQuery(new Term(USERNAME, prefix)), EXACT_USERNAME_WEIGHT), Occur.SHOULD)
                    .add(weighted(new PrefixQuery(new Term(USERNAME, prefix)), USERNAME_PREFIX_WEIGHT), Occur.SHOULD)
                    .add(weighted(new PrefixQuery(new Term(DISPLAY_NAME, prefix)), DISPLAY_NAME_PREFIX_WEIGHT),
                            Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1);
            hide(query, USER_ID, hiddenUsers);
            TopDocs top = searcher.search(query.build(), limit, USER_ORDER, true);
            List<UUID> ids = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(UUID.fromString(searcher.storedFields().document(hit.doc, Set.of(USER_ID)).get(USER_ID)));
            }
            return ids;
        }, List.of());
    }

    @Override
    public void close() {
        generations.close();
    }
}
