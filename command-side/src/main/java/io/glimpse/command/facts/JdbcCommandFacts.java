package io.glimpse.command.facts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** {@link CommandFacts} in the command-side tables {@code post_fact}, {@code comment_fact} and {@code block_fact}. */
@Component
class JdbcCommandFacts implements CommandFacts {

    private final JdbcClient jdbc;

    JdbcCommandFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PostAuthor> livePostAuthor(UUID postId, UUID actorId) {
        return jdbc.sql("""
                        select p.author_id,
                               exists (select 1 from block_fact where %s) as blocked
                          from post_fact p
                         where p.post_id = :post and not p.deleted
                           and not exists (select 1 from deleted_account_fact d where d.user_id = p.author_id)"""
                        .formatted(blockBetween("p.author_id", ":actor")))
                .param("post", postId)
                .param("actor", actorId)
                .query((rs, row) -> new PostAuthor(rs.getObject("author_id", UUID.class), rs.getBoolean("blocked")))
                .optional();
    }

    @Override
    public Optional<LiveComment> liveComment(UUID commentId) {
        return jdbc.sql("""
                        select c.post_id, p.author_id as post_author_id, c.author_id from comment_fact c
                          join post_fact p on p.post_id = c.post_id
                         where c.comment_id = ? and not c.deleted and not p.deleted
                           and not exists (select 1 from deleted_account_fact d
                                            where d.user_id = c.author_id or d.user_id = p.author_id)""")
                .param(commentId)
                .query((rs, row) -> new LiveComment(rs.getObject("post_id", UUID.class),
                        rs.getObject("post_author_id", UUID.class), rs.getObject("author_id", UUID.class)))
                .optional();
    }

    @Override
    public boolean blockedEitherWay(UUID oneUser, UUID otherUser) {
        return jdbc.sql("select count(*) from block_fact where " + blockBetween(":a", ":b"))
                .param("a", oneUser)
                .param("b", otherUser)
                .query(Long.class)
                .single() > 0;
    }

    /** A row of {@code block_fact} in which either of the two blocks the other. */
    private static String blockBetween(String one, String other) {
        return "(blocker_id = %1$s and blocked_id = %2$s) or (blocker_id = %2$s and blocked_id = %1$s)".formatted(one, other);
    }
}
