package io.glimpse.api.web;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes appending to one aggregate: when the command gateway's retries run out, the client
 * gets 409 problem+json, never a 500 (the cluster test shows the retries themselves succeed).
 * Creating the same aggregate twice (two nodes liking one post for one user at once) fails with
 * Axon's AggregateStreamCreationException, which is no ConcurrencyException, and is a conflict too.
 */
class ConcurrentChangeProblemTest {

    @Test
    void aLostRaceOnOneAggregateIsAConflict() {
        for (RuntimeException lost : new RuntimeException[]{
                new ConcurrencyException("sequence 7 of post-1 was taken"),
                new AggregateStreamCreationException("like-1 was created concurrently")}) {
            ProblemDetail problem = ProblemTypes.typed(new ProblemHandler().concurrentChange(lost));
            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getType().toString()).isEqualTo("/problems/conflict");
            assertThat(problem.getDetail()).contains("nothing was stored").doesNotContain("post-1", "like-1");
        }
    }
}
