package io.glimpse.api.like;

import io.glimpse.api.post.VisiblePosts;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.user.UserResponse;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.like.CommentLike;
import io.glimpse.command.like.LikeCommands.LikeComment;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.like.LikeCommands.UnlikeComment;
import io.glimpse.command.like.LikeCommands.UnlikePost;
import io.glimpse.command.like.PostLike;
import io.glimpse.query.like.LikeQueries.ListPostLikers;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Likes of posts and comments: idempotent writes answering 204, and a post's likers. */
@RestController
@RequestMapping("/api/posts/{postId}")
class LikeController {

    private final Commands commands;
    private final Queries queries;
    private final VisiblePosts posts;

    LikeController(Commands commands, Queries queries, VisiblePosts posts) {
        this.commands = commands;
        this.queries = queries;
        this.posts = posts;
    }

    @PostMapping("/likes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void like(@PathVariable UUID postId, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new LikePost(postId, me.id()), PostLike.idOf(postId, me.id()), ReadModel.POSTS);
    }

    @DeleteMapping("/likes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlike(@PathVariable UUID postId, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new UnlikePost(postId, me.id()), PostLike.idOf(postId, me.id()), ReadModel.POSTS);
    }

    /** Newest first, as User objects. */
    @GetMapping("/likes")
    PageResponse<UserResponse> likers(@PathVariable UUID postId,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor,
                                      @AuthenticationPrincipal AuthenticatedUser viewer) {
        posts.requireVisible(postId, viewer);
        ViewedUserPage page = queries.one(new ListPostLikers(postId, viewer == null ? null : viewer.id(),
                Cursor.decode(cursor), PageLimit.of(limit)), ViewedUserPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), UserResponse::of);
    }

    @PostMapping("/comments/{commentId}/likes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void likeComment(@PathVariable UUID postId, @PathVariable UUID commentId,
                     @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new LikeComment(postId, commentId, me.id()), CommentLike.idOf(commentId, me.id()),
                ReadModel.POSTS);
    }

    @DeleteMapping("/comments/{commentId}/likes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlikeComment(@PathVariable UUID postId, @PathVariable UUID commentId,
                       @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new UnlikeComment(postId, commentId, me.id()), CommentLike.idOf(commentId, me.id()),
                ReadModel.POSTS);
    }
}
