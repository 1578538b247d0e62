package io.glimpse.api.post;

import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.media.UploadedImages;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.post.Post;
import io.glimpse.command.post.PostCommands.CreatePost;
import io.glimpse.command.post.PostCommands.DeletePost;
import io.glimpse.command.post.PostCommands.EditPost;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.post.PostQueries.ListUserPosts;
import io.glimpse.query.post.PostQueries.PostPage;
import io.glimpse.query.social.ViewedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
class PostController {

    private final Commands commands;
    private final Queries queries;
    private final UserDirectory users;
    private final UploadedImages uploads;
    private final VisiblePosts posts;

    PostController(Commands commands, Queries queries, UserDirectory users, UploadedImages uploads, VisiblePosts posts) {
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.uploads = uploads;
        this.posts = posts;
    }

    record TextPost(@Size(max = Post.CAPTION_MAX) String caption, @Size(max = Post.TAGS_MAX) List<String> tags) {
    }

    record PostEdit(@Size(max = Post.CAPTION_MAX) String caption, @Size(max = Post.TAGS_MAX) List<String> tags) {
    }

    /** A post with images: multipart {@code caption}, repeated {@code tags}, up to ten {@code files}. */
    @PostMapping(path = "/api/posts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PostResponse> createWithImages(@RequestParam(required = false) String caption,
                                                  @RequestParam(required = false) List<String> tags,
                                                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                                  @AuthenticationPrincipal AuthenticatedUser me) {
        List<MultipartFile> images = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (images.size() > Post.MEDIA_MAX) {
            throw CommandRejectedException.invalid("files", "A post has at most " + Post.MEDIA_MAX + " images");
        }
        List<MediaAttachment> media = images.stream().map(uploads::stage).toList();
        return create(caption, tags, media, me);
    }

    /** A text-only post: JSON {@code {caption, tags}}. */
    @PostMapping(path = "/api/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PostResponse> createText(@Valid @RequestBody TextPost body,
                                            @AuthenticationPrincipal AuthenticatedUser me) {
        return create(body.caption(), body.tags(), List.of(), me);
    }

    private ResponseEntity<PostResponse> create(String caption, List<String> tags, List<MediaAttachment> media,
                                                AuthenticatedUser me) {
        UUID postId = TimeOrderedIds.next();
        commands.send(new CreatePost(postId, me.id(), caption, tags, media), postId, ReadModel.POSTS, ReadModel.USERS);
        return ResponseEntity.created(URI.create("/api/posts/" + postId)).body(view(postId, me));
    }

    @GetMapping("/api/posts/{postId}")
    PostResponse get(@PathVariable UUID postId, @AuthenticationPrincipal AuthenticatedUser viewer) {
        return view(postId, viewer);
    }

    @PatchMapping("/api/posts/{postId}")
    PostResponse edit(@PathVariable UUID postId, @Valid @RequestBody PostEdit body,
                      @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new EditPost(postId, me.asRequester(), body.caption(), body.tags()), postId, ReadModel.POSTS);
        return view(postId, me);
    }

    /** Deleting a post that is already deleted is not an error; one that never existed is 404. */
    @DeleteMapping("/api/posts/{postId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID postId, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new DeletePost(postId, me.asRequester()), postId,
                ReadModel.POSTS, ReadModel.USERS, ReadModel.SEARCH);
    }

    /** Newest first; 404 when either of the author and the viewer blocks the other. */
    @GetMapping("/api/users/{username}/posts")
    PageResponse<PostResponse> byUser(@PathVariable String username,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor,
                                      @AuthenticationPrincipal AuthenticatedUser viewer) {
        ViewedUser author = users.requireContentVisible(username, viewer);
        PostPage page = queries.one(new ListUserPosts(author.user().id(), viewer == null ? null : viewer.id(),
                Cursor.decode(cursor), PageLimit.of(limit)), PostPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), PostResponse::of);
    }

    private PostResponse view(UUID postId, AuthenticatedUser viewer) {
        return PostResponse.of(posts.requireVisible(postId, viewer));
    }
}
