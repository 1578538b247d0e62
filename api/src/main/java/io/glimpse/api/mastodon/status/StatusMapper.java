package io.glimpse.api.mastodon.status;

import io.glimpse.api.mastodon.account.AccountMapper;
import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.media.MediaMapper;
import io.glimpse.api.mastodon.media.Upload;
import io.glimpse.api.mastodon.web.BaseUrl;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.command.post.Captions;
import io.glimpse.query.comment.CommentView;
import io.glimpse.query.post.MediaView;
import io.glimpse.query.post.PostView;
import io.glimpse.query.user.UserView;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Glimpse's posts and comments as Mastodon statuses. A page is mapped in a batch: each author's
 * profile and each upload behind an image is fetched once per page.
 */
@Component
public class StatusMapper {

    private final Accounts accounts;
    private final UserDirectory users;
    private final MediaMapper media;

    StatusMapper(Accounts accounts, UserDirectory users, MediaMapper media) {
        this.accounts = accounts;
        this.users = users;
        this.media = media;
    }

    public MastodonStatus post(PostView post) {
        return posts(List.of(post)).get(0);
    }

    public List<MastodonStatus> posts(List<PostView> posts) {
        Map<UUID, UserView> authors = accounts.findAll(posts.stream().map(post -> post.author().id()).toList());
        Map<UUID, Upload> uploads = media.uploadsOf(posts.stream()
                .flatMap(post -> post.media().stream().map(MediaView::id)).toList());
        return posts.stream().map(post -> new MastodonStatus(post.id().toString(),
                AccountMapper.timestamp(post.createdAt()), null, null, false, "", "public", null, url(post.id()),
                url(post.id()), post.commentsCount(), 0, post.likesCount(), AccountMapper.timestamp(post.editedAt()),
                post.likedByMe(), false, false, false, false, AccountMapper.html(post.caption()), List.of(), null, null,
                account(authors, post.author()), media.of(post.media(), uploads), mentions(post.caption()),
                tags(post.tags()), List.of(), null, null, null)).toList();
    }

    public MastodonStatus comment(CommentView comment, PostView post) {
        return comments(List.of(comment), post).get(0);
    }

    /** Comments of one post, as replies to it. */
    public List<MastodonStatus> comments(List<CommentView> comments, PostView post) {
        Map<UUID, UserView> authors = accounts.findAll(comments.stream().map(comment -> comment.author().id()).toList());
        return comments.stream().map(comment -> new MastodonStatus(comment.id().toString(),
                AccountMapper.timestamp(comment.createdAt()), post.id().toString(), post.author().id().toString(), false,
                "", "public", null, url(post.id()) + "#comment-" + comment.id(), url(post.id()) + "#comment-" + comment.id(),
                0, 0, comment.likesCount(), AccountMapper.timestamp(comment.editedAt()), comment.likedByMe(), false,
                false, false, false, AccountMapper.html(comment.text()), List.of(), null, null,
                account(authors, comment.author()), List.of(), mentions(comment.text()),
                tags(Captions.hashtags(comment.text())), List.of(), null, null, null)).toList();
    }

    public static MastodonStatus.Tag tag(String name) {
        return new MastodonStatus.Tag(name, BaseUrl.current() + "/search?q="
                + UriUtils.encodeQueryParam("#" + name, StandardCharsets.UTF_8), null);
    }

    private static List<MastodonStatus.Tag> tags(List<String> names) {
        return names.stream().map(StatusMapper::tag).toList();
    }

    /** The users a text names with {@code @username} who exist. */
    private List<MastodonStatus.Mention> mentions(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return List.of();
        }
        return Captions.mentions(text).stream()
                .flatMap(username -> users.find(username).stream())
                .map(user -> new MastodonStatus.Mention(user.id().toString(), user.username(),
                        AccountMapper.profileUrl(user.username()), user.username()))
                .toList();
    }

    private static io.glimpse.api.mastodon.account.MastodonAccount account(Map<UUID, UserView> authors,
                                                                           PostView.AuthorView author) {
        UserView user = authors.get(author.id());
        return user == null ? AccountMapper.author(author) : AccountMapper.of(user);
    }

    private static String url(UUID postId) {
        return BaseUrl.current() + "/p/" + postId;
    }
}
