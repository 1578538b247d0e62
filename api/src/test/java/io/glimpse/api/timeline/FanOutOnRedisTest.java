package io.glimpse.api.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.test.context.TestPropertySource;

/** The fan-out into the real Redis on 127.0.0.1:6379 (one script call a batch), under a key prefix of its own. */
@EmbeddedGlimpse
@TestPropertySource(properties = {"glimpse.timeline.fan-out-batch=" + FanOutContract.BATCH,
        "glimpse.timeline.celebrity-threshold=1000", "glimpse.timeline.store=redis",
        "glimpse.timeline.redis-key-prefix=test-fan-out:"})
class FanOutOnRedisTest extends FanOutContract {
}
