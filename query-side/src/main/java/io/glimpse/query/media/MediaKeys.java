package io.glimpse.query.media;

import java.util.UUID;

/**
 * Where each file lives in the media store. Everything a user uploaded sits under
 * {@code users/<userId>/}, so deleting an account erases its images with one prefix, and a
 * post's images under {@code users/<authorId>/posts/<postId>/}. Uploads wait in
 * {@code staging/} until the media worker has made their renditions.
 */
public final class MediaKeys {

    public static final String FEED = "feed";
    public static final String DISPLAY = "display";
    public static final String THUMBNAIL = "thumbnail";

    private MediaKeys() {
    }

    public static String staging(UUID mediaId) {
        return "staging/" + mediaId;
    }

    public static String user(UUID userId) {
        return "users/" + userId + "/";
    }

    public static String post(UUID authorId, UUID postId) {
        return user(authorId) + "posts/" + postId + "/";
    }

    public static String rendition(UUID authorId, UUID postId, UUID mediaId, String rendition) {
        return post(authorId, postId) + mediaId + "/" + rendition + ".jpg";
    }

    public static String avatar(UUID userId, UUID version) {
        return user(userId) + "avatar/" + version + ".jpg";
    }
}
