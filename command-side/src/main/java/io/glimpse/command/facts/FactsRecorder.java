package io.glimpse.command.facts;

import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.user.UserEvent.UserDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CommandFacts} up to date. Runs in a subscribing processor (see
 * application.properties): in the thread and transaction of the command whose events it sees, so
 * a fact and its event commit together or not at all, and an error here fails that command.
 */
@Component
@ProcessingGroup(FactsRecorder.PROCESSING_GROUP)
public class FactsRecorder {

    public static final String PROCESSING_GROUP = "command-facts";

    private final JdbcClient jdbc;

    FactsRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PostCreated event) {
        jdbc.sql("insert into post_fact (post_id, author_id, deleted) values (?, ?, false)")
                .params(event.postId(), event.authorId())
                .update();
    }

    @EventHandler
    void on(PostDeleted event) {
        jdbc.sql("update post_fact set deleted = true where post_id = ?").param(event.postId()).update();
    }

    @EventHandler
    void on(CommentAdded event) {
        jdbc.sql("insert into comment_fact (comment_id, post_id, author_id, deleted) values (?, ?, ?, false)")
                .params(event.commentId(), event.postId(), event.authorId())
                .update();
    }

    @EventHandler
    void on(CommentDeleted event) {
        jdbc.sql("update comment_fact set deleted = true where comment_id = ?").param(event.commentId()).update();
    }

    @EventHandler
    void on(UserBlocked event) {
        jdbc.sql("insert into block_fact (blocker_id, blocked_id) values (?, ?)")
                .params(event.blockerId(), event.blockedId())
                .update();
    }

    @EventHandler
    void on(UserUnblocked event) {
        jdbc.sql("delete from block_fact where blocker_id = ? and blocked_id = ?")
                .params(event.blockerId(), event.blockedId())
                .update();
    }

    @EventHandler
    void on(UserDeleted event) {
        jdbc.sql("insert into deleted_account_fact (user_id) values (?)").param(event.userId()).update();
    }
}
