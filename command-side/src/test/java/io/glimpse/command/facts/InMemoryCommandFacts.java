package io.glimpse.command.facts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The facts contract without a database, for aggregate fixtures; JdbcCommandFacts is tested end to end. */
public class InMemoryCommandFacts implements CommandFacts {

    private final Map<UUID, UUID> livePosts = new HashMap<>();
    private final Map<UUID, LiveComment> liveComments = new HashMap<>();
    private final Set<List<UUID>> blocks = new HashSet<>();

    public InMemoryCommandFacts post(UUID postId, UUID authorId) {
        livePosts.put(postId, authorId);
        return this;
    }

    public InMemoryCommandFacts comment(UUID commentId, UUID postId, UUID authorId) {
        liveComments.put(commentId, new LiveComment(postId, livePosts.get(postId), authorId));
        return this;
    }

    public InMemoryCommandFacts block(UUID blocker, UUID blocked) {
        blocks.add(List.of(blocker, blocked));
        return this;
    }

    @Override
    public Optional<PostAuthor> livePostAuthor(UUID postId, UUID actorId) {
        return Optional.ofNullable(livePosts.get(postId))
                .map(author -> new PostAuthor(author, blockedEitherWay(actorId, author)));
    }

    @Override
    public Optional<LiveComment> liveComment(UUID commentId) {
        return Optional.ofNullable(liveComments.get(commentId));
    }

    @Override
    public boolean blockedEitherWay(UUID oneUser, UUID otherUser) {
        return blocks.contains(List.of(oneUser, otherUser)) || blocks.contains(List.of(otherUser, oneUser));
    }
}
