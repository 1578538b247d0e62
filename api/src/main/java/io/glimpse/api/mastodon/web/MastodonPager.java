package io.glimpse.api.mastodon.web;

import io.glimpse.query.paging.Cursor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads one Mastodon page out of a newest-first Glimpse list and answers it with the {@code Link}
 * header Mastodon sends: {@code next} (older, {@code max_id}) and {@code prev} (newer,
 * {@code min_id}), whose ids are the positions of the page's last and first items.
 *
 * <p>Glimpse's queries only page towards older items. {@code since_id} and {@code min_id} are
 * answered by reading from the newest item down to the given position, at most
 * {@value #NEWER_SCAN_MAX} items: a client asking what is new since it last looked.
 */
public final class MastodonPager {

    static final int NEWER_SCAN_MAX = 400;
    private static final int SCAN_BATCH = 100;

    private MastodonPager() {
    }

    /** One page of a Glimpse list: its items and whether more come after them. */
    public record Slice<T>(List<T> items, boolean more) {
    }

    /** A Glimpse list query: the page after a position ({@code null} for the newest), of at most {@code limit}. */
    @FunctionalInterface
    public interface Source<T> {
        Slice<T> read(Cursor after, int limit);
    }

    /** How a list locates its items. */
    public record Keys<T>(Function<T, Cursor> position, Function<UUID, Optional<Cursor>> exactPosition) {

        public static <T> Keys<T> of(Function<T, Cursor> position) {
            return new Keys<>(position, id -> Optional.empty());
        }
    }

    /**
     * @param keep which items the Mastodon list shows (e.g. only those with media); a page may come
     *             out shorter than the limit when some are left out, and the Link header still goes on
     */
    public static <T, R> ResponseEntity<List<R>> page(HttpServletRequest request, PageWindow window, Source<T> source,
                                                      Keys<T> keys, Predicate<T> keep, Function<List<T>, List<R>> mapper) {
        Cursor max = Positions.resolve(window.maxId(), keys.exactPosition());
        List<T> items;
        boolean more;
        if (window.readsNewer()) {
            Cursor bound = Positions.resolve(window.minId() != null ? window.minId() : window.sinceId(),
                    keys.exactPosition());
            List<T> newer = newerThan(bound, max, source, keys, keep);
            items = window.minId() != null
                    ? newer.subList(Math.max(0, newer.size() - window.limit()), newer.size())
                    : newer.subList(0, Math.min(window.limit(), newer.size()));
            more = !items.isEmpty();
        } else {
            Slice<T> slice = source.read(max, window.limit());
            items = slice.items().stream().filter(keep).toList();
            more = slice.more();
            if (items.isEmpty() && more) {
                // everything on this page was left out: point past it rather than end the list
                Cursor last = keys.position().apply(slice.items().get(slice.items().size() - 1));
                return ResponseEntity.ok().header(HttpHeaders.LINK, link(request, "max_id", last.encode(), "next"))
                        .body(List.of());
            }
        }
        List<String> links = new ArrayList<>();
        if (!items.isEmpty()) {
            if (more) {
                links.add(link(request, "max_id", keys.position().apply(items.get(items.size() - 1)).encode(), "next"));
            }
            links.add(link(request, "min_id", keys.position().apply(items.get(0)).encode(), "prev"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(mapper.apply(items));
    }

    /** A Glimpse list whose items do not carry their position: it hands out the next page's cursor itself. */
    @FunctionalInterface
    public interface CursorSource<T> {
        io.glimpse.query.paging.Keyset.Slice<T> read(Cursor after, int limit);
    }

    /**
     * Pages a list that Mastodon, too, paginates by the {@code Link} header only (followers,
     * following, blocks, favourited_by): {@code max_id} is the cursor of the {@code next} link;
     * an item id there, {@code since_id} and {@code min_id} start from the newest.
     */
    public static <T, R> ResponseEntity<List<R>> pageByCursor(HttpServletRequest request, PageWindow window,
                                                              CursorSource<T> source, Function<List<T>, List<R>> mapper) {
        String maxId = window.maxId();
        Cursor after = maxId == null || maxId.length() == 36 ? null : Cursor.decode(maxId);
        io.glimpse.query.paging.Keyset.Slice<T> slice = source.read(after, window.limit());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (slice.nextCursor() != null) {
            answer.header(HttpHeaders.LINK, link(request, "max_id", slice.nextCursor(), "next"));
        }
        return answer.body(mapper.apply(slice.items()));
    }

    private static <T> List<T> newerThan(Cursor bound, Cursor max, Source<T> source, Keys<T> keys, Predicate<T> keep) {
        List<T> newer = new ArrayList<>();
        Cursor after = max;
        int scanned = 0;
        while (scanned < NEWER_SCAN_MAX) {
            Slice<T> slice = source.read(after, SCAN_BATCH);
            for (T item : slice.items()) {
                Cursor position = keys.position().apply(item);
                if (Positions.ORDER.compare(position, bound) <= 0) {
                    return newer;
                }
                if (keep.test(item)) {
                    newer.add(item);
                }
            }
            scanned += slice.items().size();
            if (!slice.more() || slice.items().isEmpty()) {
                return newer;
            }
            after = keys.position().apply(slice.items().get(slice.items().size() - 1));
        }
        return newer;
    }

    private static String link(HttpServletRequest request, String param, String value, String rel) {
        String url = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("max_id")
                .replaceQueryParam("min_id")
                .replaceQueryParam("since_id")
                .replaceQueryParam(param, value)
                .build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
