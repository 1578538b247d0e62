package io.glimpse.api.mastodon.status;

import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.mastodon.account.AccountMapper;
import io.glimpse.api.mastodon.account.MastodonAccount;
import io.glimpse.api.mastodon.media.MastodonUploads;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.MastodonPager;
import io.glimpse.api.mastodon.web.PageWindow;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.comment.CommentCommands.AddComment;
import io.glimpse.command.comment.CommentCommands.DeleteComment;
import io.glimpse.command.comment.CommentCommands.EditComment;
import io.glimpse.command.like.CommentLike;
import io.glimpse.command.like.LikeCommands.LikeComment;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.like.LikeCommands.UnlikeComment;
import io.glimpse.command.like.LikeCommands.UnlikePost;
import io.glimpse.command.like.PostLike;
import io.glimpse.command.post.PostCommands.CreatePost;
import io.glimpse.command.post.PostCommands.DeletePost;
import io.glimpse.command.post.PostCommands.EditPost;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.comment.CommentQueries.CommentPage;
import io.glimpse.query.comment.CommentQueries.ListComments;
import io.glimpse.query.comment.CommentView;
import io.glimpse.query.like.LikeQueries.ListPostLikers;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Statuses: a new status is a Glimpse post, or, with {@code in_reply_to_id}, a comment on the post
 * it replies to (a reply to a comment is a comment on that comment's post: Glimpse's comments are
 * flat). Every write goes through the same commands as the native API, so the aggregates decide
 * who may do what (403 across a block, only the author edits).
 */
@RestController("mastodonStatusController")
class StatusController {

    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted");
    private static final int CONTEXT_MAX = 1_000;

    private final Commands commands;
    private final Queries queries;
    private final Statuses statuses;
    private final StatusMapper mapper;
    private final MastodonUploads uploads;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;

    StatusController(Commands commands, Queries queries, Statuses statuses, StatusMapper mapper,
                     MastodonUploads uploads, IdempotencyKeys idempotency, ObjectMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.statuses = statuses;
        this.mapper = mapper;
        this.uploads = uploads;
        this.idempotency = idempotency;
        this.json = json;
    }

    @PostMapping("/api/v1/statuses")
    MastodonStatus create(HttpServletRequest request,
                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                          @AuthenticationPrincipal AuthenticatedUser me) {
        Params params = Params.of(request, json);
        checkSupported(params);
        UUID statusId = TimeOrderedIds.next();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : idempotencyKey.substring(0, Math.min(idempotencyKey.length(), IdempotencyKeys.KEY_MAX));
        if (key != null) {
            Optional<UUID> earlier = idempotency.claim(me.id(), key, statusId);
            if (earlier.isPresent()) {
                return view(earlier.get(), me);
            }
        }
        try {
            return make(statusId, params, me);
        } catch (RuntimeException failed) {
            if (key != null) {
                idempotency.release(me.id(), key);
            }
            throw failed;
        }
    }

    private MastodonStatus make(UUID statusId, Params params, AuthenticatedUser me) {
        String text = params.text("status");
        List<UUID> mediaIds = params.list("media_ids").stream().map(this::mediaId).toList();
        String inReplyTo = params.text("in_reply_to_id");
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            if (!mediaIds.isEmpty()) {
                throw MastodonException.unprocessable("Validation failed: Replies cannot have media attachments");
            }
            UUID postId = statuses.require(inReplyTo, me).post().id();
            commands.send(new AddComment(statusId, postId, me.id(), text), statusId, ReadModel.POSTS);
            return view(statusId, me);
        }
        if ((text == null || text.isBlank()) && mediaIds.isEmpty()) {
            throw MastodonException.unprocessable("Validation failed: Text can't be blank");
        }
        List<MediaAttachment> media = uploads.attach(mediaIds, me.id(), statusId);
        try {
            commands.send(new CreatePost(statusId, me.id(), text == null ? "" : text, List.of(), media), statusId,
                    ReadModel.POSTS, ReadModel.USERS, ReadModel.TIMELINES);
        } catch (RuntimeException rejected) {
            uploads.release(mediaIds, statusId);
            throw rejected;
        }
        return view(statusId, me);
    }

    /** Glimpse posts are public; refusing a private post is better than publishing it. */
    private static void checkSupported(Params params) {
        String visibility = params.text("visibility");
        if (visibility != null && !visibility.isBlank() && !VISIBILITIES.contains(visibility)) {
            throw MastodonException.unprocessable("Validation failed: Glimpse has public statuses only");
        }
        if (params.text("poll") != null || !params.list("poll[options]").isEmpty()) {
            throw MastodonException.unprocessable("Validation failed: Polls are not supported");
        }
        if (params.text("scheduled_at") != null) {
            throw MastodonException.unprocessable("Validation failed: Scheduled statuses are not supported");
        }
    }

    private UUID mediaId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw MastodonException.unprocessable("Validation failed: unknown media id " + id);
        }
    }

    @GetMapping("/api/v1/statuses/{id}")
    MastodonStatus get(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser viewer) {
        return view(statuses.require(id, viewer));
    }

    @PutMapping("/api/v1/statuses/{id}")
    MastodonStatus edit(@PathVariable String id, HttpServletRequest request,
                        @AuthenticationPrincipal AuthenticatedUser me) {
        String text = Params.of(request, json).text("status");
        StatusTarget target = statuses.require(id, me);
        target.either(
                post -> commands.send(new EditPost(post.post().id(), me.asRequester(), text, null), post.post().id(),
                        ReadModel.POSTS),
                comment -> commands.send(new EditComment(comment.comment().id(), comment.post().id(),
                        me.asRequester(), text), comment.comment().id(), ReadModel.POSTS));
        return view(statuses.require(id, me));
    }

    /** Answers the deleted status with its source {@code text}, as Mastodon does ("delete and redraft"). */
    @DeleteMapping("/api/v1/statuses/{id}")
    MastodonStatus delete(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        StatusTarget target = statuses.require(id, me);
        MastodonStatus deleted = target.fold(
                post -> mapper.post(post.post()).withText(post.post().caption()),
                comment -> mapper.comment(comment.comment(), comment.post()).withText(comment.comment().text()));
        target.either(
                post -> commands.send(new DeletePost(post.post().id(), me.asRequester()), post.post().id(),
                        ReadModel.POSTS, ReadModel.USERS, ReadModel.SEARCH),
                comment -> commands.send(new DeleteComment(comment.comment().id(), comment.post().id(),
                        me.asRequester()), comment.comment().id(), ReadModel.POSTS));
        return deleted;
    }

    /** A post's comments are its descendants (oldest first); a comment's ancestor is its post. */
    @GetMapping("/api/v1/statuses/{id}/context")
    Map<String, List<MastodonStatus>> context(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser viewer) {
        StatusTarget target = statuses.require(id, viewer);
        if (target instanceof StatusTarget.Comment) {
            return Map.of("ancestors", List.of(mapper.post(target.post())), "descendants", List.of());
        }
        List<CommentView> comments = new ArrayList<>();
        Cursor after = null;
        do {
            CommentPage page = queries.one(new ListComments(target.post().id(), viewer == null ? null : viewer.id(),
                    after, 100), CommentPage.class);
            comments.addAll(page.items());
            after = page.nextCursor() == null ? null : Cursor.decode(page.nextCursor());
        } while (after != null && comments.size() < CONTEXT_MAX);
        return Map.of("ancestors", List.of(), "descendants", mapper.comments(comments, target.post()));
    }

    @PostMapping("/api/v1/statuses/{id}/favourite")
    MastodonStatus favourite(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        statuses.require(id, me).either(
                post -> commands.send(new LikePost(post.post().id(), me.id()), PostLike.idOf(post.post().id(), me.id()),
                        ReadModel.POSTS),
                comment -> commands.send(new LikeComment(comment.post().id(), comment.comment().id(), me.id()),
                        CommentLike.idOf(comment.comment().id(), me.id()), ReadModel.POSTS));
        return view(statuses.require(id, me));
    }

    @PostMapping("/api/v1/statuses/{id}/unfavourite")
    MastodonStatus unfavourite(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        statuses.require(id, me).either(
                post -> commands.send(new UnlikePost(post.post().id(), me.id()), PostLike.idOf(post.post().id(), me.id()),
                        ReadModel.POSTS),
                comment -> commands.send(new UnlikeComment(comment.post().id(), comment.comment().id(), me.id()),
                        CommentLike.idOf(comment.comment().id(), me.id()), ReadModel.POSTS));
        return view(statuses.require(id, me));
    }

    /** Who liked a post, newest first. Glimpse keeps no list of a comment's likers: empty for replies. */
    @GetMapping("/api/v1/statuses/{id}/favourited_by")
    ResponseEntity<List<MastodonAccount>> favouritedBy(@PathVariable String id, HttpServletRequest request,
                                                       @AuthenticationPrincipal AuthenticatedUser viewer) {
        StatusTarget target = statuses.require(id, viewer);
        if (target instanceof StatusTarget.Comment) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        return MastodonPager.pageByCursor(request, PageWindow.of(request, 40, 80), (after, limit) -> {
            ViewedUserPage page = queries.one(new ListPostLikers(target.post().id(), viewerId, after, limit),
                    ViewedUserPage.class);
            return new Keyset.Slice<>(page.items(), page.nextCursor());
        }, users -> users.stream().map(user -> AccountMapper.of(user.user())).toList());
    }

    private MastodonStatus view(UUID id, AuthenticatedUser viewer) {
        return statuses.find(id, viewer).map(this::view).orElseThrow(MastodonException::notFound);
    }

    private MastodonStatus view(StatusTarget target) {
        return target.fold(post -> mapper.post(post.post()), comment -> mapper.comment(comment.comment(), comment.post()));
    }
}
