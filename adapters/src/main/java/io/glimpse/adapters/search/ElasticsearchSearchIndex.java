package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import io.glimpse.query.search.SearchUnavailableException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.NamedValue;
import io.glimpse.query.search.IndexChange.EditPost;
import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange.PutUser;
import io.glimpse.query.search.IndexChange.RemovePost;
import io.glimpse.query.search.IndexChange.RemoveUser;
import io.glimpse.query.search.IndexChange.RenameUser;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.elasticsearch.NoSuchIndexException;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchAggregations;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;
import org.springframework.data.elasticsearch.client.elc.NativeQuery;
import org.springframework.data.elasticsearch.core.SearchHit;
import org.springframework.data.elasticsearch.core.SearchHits;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.data.elasticsearch.core.query.FetchSourceFilter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Search in Elasticsearch, through Spring Data Elasticsearch: queries, aggregations and index
 * administration with its template, and each batch of changes as one {@code _bulk} request with
 * the Java client it wraps (Spring Data's bulk has no deletes and cannot require an alias).
 *
 * <p>The mapping uses only what the minimal distribution has (standard analyzer, keyword, long,
 * term/terms/prefix, constant_score, bool, terms aggregation): no Painless, no
 * {@code _delete_by_query}, no {@code _update_by_query}. Writes require their target to be an
 * alias, so a write after the index was deleted fails (and is retried) instead of silently
 * creating an index with a guessed mapping.
 */
class ElasticsearchSearchIndex extends GenerationalSearchIndex {

    /** Posts of a deleted account are found and deleted in pages of this many. */
    private static final int DELETE_PAGE = 1000;

    private final ElasticsearchTemplate template;
    private final ElasticsearchGenerations generations;

    /** @param retiredGrace how long a replaced generation is kept for searches that began before the swap */
    ElasticsearchSearchIndex(ElasticsearchTemplate template, String indexPrefix, Duration retiredGrace) {
        this(template, new ElasticsearchGenerations(template, indexPrefix, retiredGrace));
    }

    private ElasticsearchSearchIndex(ElasticsearchTemplate template, ElasticsearchGenerations generations) {
        super(generations);
        this.template = template;
        this.generations = generations;
    }

    /** The source of a search hit: only its id is read. */
    record Hit(@Id String id) {
    }

    /** A user document's source, for looking users up by username. */
    record UserHit(@Id String id, String username) {
    }

    @Override
    public void apply(List<IndexChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        synchronized (generations) {
            ElasticsearchGenerations.Target target = generations.writeTarget();
            List<BulkOperation> operations = new ArrayList<>();
            for (IndexChange change : changes) {
                if (change instanceof RemoveUser removed) {
                    // The account's posts are found by searching, which must see this batch's writes.
                    bulk(operations, target, true);
                    operations.clear();
                    deleteAccount(removed.userId(), target);
                } else {
                    operations.add(operation(change, target));
                }
            }
            bulk(operations, target, !target.unseen());
        }
    }

    private static BulkOperation operation(IndexChange change, ElasticsearchGenerations.Target target) {
        if (change instanceof PutPost post) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("postId", post.postId().toString());
            source.put("authorId", post.authorId().toString());
            source.put("caption", post.caption());
            source.put("tags", post.tags());
            source.put("createdAt", ChronoUnit.MICROS.between(Instant.EPOCH, post.createdAt()));
            source.put("tiebreak", SearchIndex.tiebreak(post.postId()));
            return BulkOperation.of(o -> o.index(i -> i.index(target.posts()).id(post.postId().toString())
                    .document(source)));
        }
        if (change instanceof EditPost edit) {
            Map<String, Object> fields = Map.of("caption", edit.caption(), "tags", edit.tags());
            return BulkOperation.of(o -> o.update(u -> u.index(target.posts()).id(edit.postId().toString())
                    .action(a -> a.doc(fields))));
        }
        if (change instanceof RemovePost removed) {
            return BulkOperation.of(o -> o.delete(d -> d.index(target.posts()).id(removed.postId().toString())));
        }
        if (change instanceof PutUser user) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("userId", user.userId().toString());
            source.put("username", user.username());
            source.put("displayName", user.displayName() == null ? "" : user.displayName());
            return BulkOperation.of(o -> o.index(i -> i.index(target.users()).id(user.userId().toString())
                    .document(source)));
        }
        if (change instanceof RenameUser rename) {
            Map<String, Object> fields = Map.of("displayName", rename.displayName() == null ? "" : rename.displayName());
            return BulkOperation.of(o -> o.update(u -> u.index(target.users()).id(rename.userId().toString())
                    .action(a -> a.doc(fields))));
        }
        throw new IllegalArgumentException("Unknown index change " + change);
    }

    /**
     * One {@code _bulk} request. An update or delete of a document that is not there is fine: the
     * post or account it names is already gone (a delete reports that without an error). Any other
     * failure, a missing index or alias above all, fails the batch, so the projection retries it.
     */
    private void bulk(List<BulkOperation> operations, ElasticsearchGenerations.Target target, boolean refresh) {
        if (operations.isEmpty()) {
            return;
        }
        BulkResponse response = template.execute(client -> client.bulk(b -> b.operations(operations)
                .requireAlias(true)
                .refresh(refresh ? Refresh.True : Refresh.False)));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && !"document_missing_exception".equals(item.error().type())) {
                    throw new IllegalStateException("Elasticsearch refused a write to " + item.index() + ": "
                            + item.error().type() + ": " + item.error().reason());
                }
            }
        }
    }

    /** No {@code _delete_by_query} in the minimal distribution: the posts are found, then deleted in bulk. */
    private void deleteAccount(UUID userId, ElasticsearchGenerations.Target target) {
        while (true) {
            NativeQuery byAuthor = NativeQuery.builder()
                    .withQuery(term("authorId", userId.toString()))
                    .withSourceFilter(new FetchSourceFilter(false, null, null))
                    .withMaxResults(DELETE_PAGE)
                    .build();
            List<BulkOperation> deletes = template.search(byAuthor, Hit.class, IndexCoordinates.of(target.posts()))
                    .stream().map(hit -> BulkOperation.of(o -> o.delete(d -> d.index(target.posts()).id(hit.getId()))))
                    .toList();
            if (deletes.isEmpty()) {
                break;
            }
            bulk(deletes, target, true);
        }
        bulk(List.of(BulkOperation.of(o -> o.delete(d -> d.index(target.users()).id(userId.toString())))), target,
                !target.unseen());
    }

    @Override
    public PostHits searchPosts(PostSearch search) {
        if (search.terms().isEmpty()) {
            return PostHits.NONE;
        }
        return orNone(() -> {
            Map<String, UUID> authors = usersNamed(search.terms().usernames());
            BoolQuery.Builder query = new BoolQuery.Builder();
            for (SearchTerms.Term term : search.terms().terms()) {
                query.must(termQuery(term, authors.get(term.text())));
            }
            hide(query, "authorId", search.hiddenAuthors());
            NativeQuery request = NativeQuery.builder()
                    .withQuery(q -> q.bool(query.build()))
                    .withSort(List.of(
                            SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))),
                            SortOptions.of(s -> s.field(f -> f.field("createdAt").order(SortOrder.Desc))),
                            SortOptions.of(s -> s.field(f -> f.field("tiebreak").order(SortOrder.Desc)))))
                    .withPageable(new OffsetPage(search.offset(), search.limit()))
                    .withTrackTotalHits(true)
                    .withSourceFilter(new FetchSourceFilter(false, null, null))
                    .build();
            SearchHits<Hit> hits = template.search(request, Hit.class, IndexCoordinates.of(generations.postsAlias()));
            return new PostHits(hits.stream().map(hit -> UUID.fromString(hit.getId())).toList(), hits.getTotalHits());
        }, PostHits.NONE);
    }

    /** A term matches where its scope allows: caption, tags, and posts of the user of that name. */
    private static Query termQuery(SearchTerms.Term term, UUID author) {
        BoolQuery.Builder where = new BoolQuery.Builder().minimumShouldMatch("1");
        if (term.scope() == SearchTerms.Scope.ANY) {
            where.should(weighted(term("caption", term.text()), CAPTION_WEIGHT));
        }
        if (term.scope() != SearchTerms.Scope.AUTHOR) {
            where.should(weighted(term("tags", term.text()), TAG_WEIGHT));
        }
        if (term.scope() != SearchTerms.Scope.TAG && author != null) {
            where.should(weighted(term("authorId", author.toString()), AUTHOR_WEIGHT));
        }
        if (term.scope() == SearchTerms.Scope.AUTHOR && author == null) {
            where.should(q -> q.matchNone(none -> none));
        }
        return Query.of(q -> q.bool(where.build()));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query weighted(Query query, float weight) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(weight)));
    }

    private static void hide(BoolQuery.Builder query, String field, Set<UUID> ids) {
        if (!ids.isEmpty()) {
            List<FieldValue> values = ids.stream().map(id -> FieldValue.of(id.toString())).toList();
            query.mustNot(q -> q.terms(t -> t.field(field).terms(v -> v.value(values))));
        }
    }

    private Map<String, UUID> usersNamed(Collection<String> usernames) {
        Map<String, UUID> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        List<FieldValue> names = usernames.stream().map(FieldValue::of).toList();
        NativeQuery request = NativeQuery.builder()
                .withQuery(q -> q.terms(t -> t.field("username").terms(v -> v.value(names))))
                .withMaxResults(usernames.size())
                .build();
        template.search(request, UserHit.class, IndexCoordinates.of(generations.usersAlias()))
                .forEach(hit -> found.put(hit.getContent().username(), UUID.fromString(hit.getId())));
        return found;
    }

    @Override
    public List<TagCount> suggestTags(String prefix, Set<UUID> hiddenAuthors, int limit) {
        if (!SearchTerms.TAG.matcher(prefix).matches()) {
            return List.of(); // nothing else is in a tag, and the prefix becomes a regular expression below
        }
        return orNone(() -> {
            BoolQuery.Builder query = new BoolQuery.Builder().filter(q -> q.prefix(p -> p.field("tags").value(prefix)));
            hide(query, "authorId", hiddenAuthors);
            NativeQuery request = NativeQuery.builder()
                    .withQuery(q -> q.bool(query.build()))
                    .withAggregation("tags", Aggregation.of(a -> a.terms(t -> t.field("tags")
                            .include(i -> i.regexp(prefix + ".*"))
                            .size(limit)
                            .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))))
                    .withMaxResults(0)
                    .build();
            SearchHits<Hit> hits = template.search(request, Hit.class, IndexCoordinates.of(generations.postsAlias()));
            ElasticsearchAggregations aggregations = (ElasticsearchAggregations) hits.getAggregations();
            if (aggregations == null) {
                return List.<TagCount>of();
            }
            return aggregations.get("tags").aggregation().getAggregate().sterms().buckets().array().stream()
                    .map(bucket -> new TagCount(bucket.key().stringValue(), bucket.docCount()))
                    .toList();
        }, List.of());
    }

    @Override
    public List<UUID> suggestUsers(String prefix, Set<UUID> hiddenUsers, int limit) {
        return orNone(() -> {
            BoolQuery.Builder query = new BoolQuery.Builder().minimumShouldMatch("1")
                    .should(weighted(term("username", prefix), EXACT_USERNAME_WEIGHT))
                    .should(weighted(Query.of(q -> q.prefix(p -> p.field("username").value(prefix))),
                            USERNAME_PREFIX_WEIGHT))
                    .should(weighted(Query.of(q -> q.prefix(p -> p.field("displayName").value(prefix))),
                            DISPLAY_NAME_PREFIX_WEIGHT));
            hide(query, "userId", hiddenUsers);
            NativeQuery request = NativeQuery.builder()
                    .withQuery(q -> q.bool(query.build()))
                    .withSort(List.of(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))),
                            SortOptions.of(s -> s.field(f -> f.field("username").order(SortOrder.Asc)))))
                    .withMaxResults(limit)
                    .withSourceFilter(new FetchSourceFilter(false, null, null))
                    .build();
            return template.search(request, Hit.class, IndexCoordinates.of(generations.usersAlias())).stream()
                    .map(SearchHit::getId).map(UUID::fromString).toList();
        }, List.of());
    }

    /**
     * With no live generation (lost, and being rebuilt) searches find nothing rather than fail; an
     * unreachable cluster is reported as such.
     */
    private static <T> T orNone(Supplier<T> search, T none) {
        try {
            return search.get();
        } catch (NoSuchIndexException e) {
            return none;
        } catch (DataAccessResourceFailureException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** Deletes every index of this prefix, as an operator or a crash might; for tests. */
    void deleteEverything() {
        generations.deleteAll();
    }
}
