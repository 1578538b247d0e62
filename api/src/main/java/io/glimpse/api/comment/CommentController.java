package io.glimpse.api.comment;

import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.post.VisiblePosts;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.comment.Comment;
import io.glimpse.command.comment.CommentCommands.AddComment;
import io.glimpse.command.comment.CommentCommands.DeleteComment;
import io.glimpse.command.comment.CommentCommands.EditComment;
import io.glimpse.query.comment.CommentQueries.CommentPage;
import io.glimpse.query.comment.CommentQueries.FindComment;
import io.glimpse.query.comment.CommentQueries.ListComments;
import io.glimpse.query.comment.CommentView;
import io.glimpse.query.paging.Cursor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Comments on a post. Writes are decided by the {@code Comment} aggregate (403 across a block,
 * 404 for a post that is gone); reads show only what the viewer may see.
 */
@RestController
@RequestMapping("/api/posts/{postId}/comments")
class CommentController {

    private final Commands commands;
    private final Queries queries;
    private final VisiblePosts posts;

    CommentController(Commands commands, Queries queries, VisiblePosts posts) {
        this.commands = commands;
        this.queries = queries;
        this.posts = posts;
    }

    record CommentText(@NotBlank @Size(max = Comment.TEXT_MAX) String text) {
    }

    @PostMapping
    ResponseEntity<CommentResponse> add(@PathVariable UUID postId, @Valid @RequestBody CommentText body,
                                        @AuthenticationPrincipal AuthenticatedUser me) {
        UUID commentId = TimeOrderedIds.next();
        commands.send(new AddComment(commentId, postId, me.id(), body.text()), commentId, ReadModel.POSTS);
        return ResponseEntity.created(URI.create("/api/posts/" + postId + "/comments/" + commentId))
                .body(view(postId, commentId, me));
    }

    /** Oldest first. */
    @GetMapping
    PageResponse<CommentResponse> list(@PathVariable UUID postId,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor,
                                       @AuthenticationPrincipal AuthenticatedUser viewer) {
        posts.requireVisible(postId, viewer);
        CommentPage page = queries.one(new ListComments(postId, viewerId(viewer), Cursor.decode(cursor),
                PageLimit.of(limit)), CommentPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), CommentResponse::of);
    }

    @GetMapping("/{commentId}")
    CommentResponse get(@PathVariable UUID postId, @PathVariable UUID commentId,
                        @AuthenticationPrincipal AuthenticatedUser viewer) {
        posts.requireVisible(postId, viewer);
        return view(postId, commentId, viewer);
    }

    @PatchMapping("/{commentId}")
    CommentResponse edit(@PathVariable UUID postId, @PathVariable UUID commentId,
                         @Valid @RequestBody CommentText body, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new EditComment(commentId, postId, me.asRequester(), body.text()), commentId, ReadModel.POSTS);
        return view(postId, commentId, me);
    }

    /** The comment's author, the post's author or an admin; deleting twice is not an error. */
    @DeleteMapping("/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID postId, @PathVariable UUID commentId, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new DeleteComment(commentId, postId, me.asRequester()), commentId, ReadModel.POSTS);
    }

    private CommentResponse view(UUID postId, UUID commentId, AuthenticatedUser viewer) {
        return queries.optional(new FindComment(postId, commentId, viewerId(viewer)), CommentView.class)
                .map(CommentResponse::of)
                .orElseThrow(() -> new NotFoundException("No such comment"));
    }

    private static UUID viewerId(AuthenticatedUser viewer) {
        return viewer == null ? null : viewer.id();
    }
}
