package io.glimpse.api.config;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded H2 database as the application configures it. */
@EmbeddedGlimpse
class EmbeddedDatabaseTest {

    /** A like is kept only if its post exists, as the likes projection writes it. */
    private static final String LIKE = """
            insert into post_like (post_id, user_id, created_at)
            select ?, ?, ? where exists (select 1 from post_view where id = ?)""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anExistsSubquerySeesWhatItsOwnTransactionDeletedJustBefore() {
        UUID post = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into post_view (id, author_id, caption, created_at) values (?, ?, '', ?)")
                    .params(post, UUID.randomUUID(), OffsetDateTime.now()).update();
            assertThat(like(post)).isOne();
            jdbc.sql("delete from post_view where id = ?").param(post).update();

            assertThat(like(post)).as("the post is gone in this transaction (H2 2.4.240 reuses the last"
                    + " result unless OPTIMIZE_REUSE_RESULTS is off)").isZero();
            status.setRollbackOnly();
        });
    }

    private int like(UUID post) {
        return jdbc.sql(LIKE).params(post, UUID.randomUUID(), OffsetDateTime.now(), post).update();
    }
}
