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
                               exists (select 1 from block_fact b
                                        where (b.blocker_id = p.author_id and b.blocked_id = :actor)
                                           or (b.blocker_id = :actor and b.blocked_id = p.author_id)) as blocked
                          from post_fact p
                         where p.post_id = :post and not p.deleted
                           and not exists (select 1 from deleted_account_fact d where d.user_id = p.author_id)""")
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
        return jdbc.sql("""
                        select count(*) from block_fact
                         where (blocker_id = :a and blocked_id = :b) or (blocker_id = :b and blocked_id = :a)""")
                .param("a", oneUser)
                .param("b", otherUser)
                .query(Long.class)
                .single() > 0;
    }
}
