package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Every write the application acknowledged (answered 2xx), kept to check afterwards that each one
 * is stored, whatever happened to the JVM or its services in between.
 */
final class Ledger {

    static final String PASSWORD = "reliability suite password";

    record User(String id, String username, String token) {
    }

    record Post(String id, User author) {
    }

    record Like(User user, Post post) {
    }

    record Comment(String id, Post post) {
    }

    record Follow(User follower, User followee) {
    }

    /** Of one kind of write: how many were acknowledged, and which of them are not there now. */
    record Tally(String kind, int acknowledged, List<String> lost) {
    }

    private final List<User> users = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Like> likes = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Follow> follows = new ArrayList<>();

    static Http.Answer signUp(Http http, String username) {
        return http.send("POST", "/api/auth/register", null,
                Map.of("username", username, "email", username + "@reliability.test", "password", PASSWORD));
    }

    /** The user a sign-up's 201 answered with. */
    static User user(Http.Answer signedUp) {
        Map<String, Object> session = signedUp.json();
        Map<?, ?> user = (Map<?, ?>) session.get("user");
        return new User((String) user.get("id"), (String) user.get("username"), (String) session.get("accessToken"));
    }

    synchronized void add(User user) {
        users.add(user);
    }

    synchronized void add(Post post) {
        posts.add(post);
    }

    synchronized void add(Like like) {
        likes.add(like);
    }

    synchronized void add(Comment comment) {
        comments.add(comment);
    }

    synchronized void add(Follow follow) {
        follows.add(follow);
    }

    synchronized User anyUser() {
        return users.get(ThreadLocalRandom.current().nextInt(users.size()));
    }

    synchronized Post anyPost() {
        return posts.isEmpty() ? null : posts.get(ThreadLocalRandom.current().nextInt(posts.size()));
    }

    synchronized List<User> users() {
        return List.copyOf(users);
    }

    synchronized int size() {
        return users.size() + posts.size() + likes.size() + comments.size() + follows.size();
    }

    /** Reads every acknowledged write back through the API. */
    synchronized List<Tally> verify(Http http) {
        return List.of(
                tally("registrations", users, user -> http.send("GET", "/api/users/" + user.username(), null, null).status() == 200),
                tally("posts", posts, post -> http.send("GET", "/api/posts/" + post.id(), null, null).status() == 200),
                tally("likes", likes, like -> Boolean.TRUE.equals(
                        field(http.send("GET", "/api/posts/" + like.post().id(), like.user().token(), null), "likedByMe"))),
                tally("comments", comments, comment -> http.send("GET",
                        "/api/posts/" + comment.post().id() + "/comments/" + comment.id(), null, null).status() == 200),
                tally("follows", follows, follow -> Boolean.TRUE.equals(field(http.send("GET",
                        "/api/users/" + follow.followee().username(), follow.follower().token(), null), "followedByMe"))));
    }

    private static Object field(Http.Answer answer, String name) {
        return answer.status() == 200 ? answer.json().get(name) : null;
    }

    private static <T> Tally tally(String kind, List<T> writes, Predicate<T> stored) {
        List<String> lost = writes.stream().filter(stored.negate()).map(Object::toString).toList();
        return new Tally(kind, writes.size(), lost);
    }
}
