package io.glimpse.api.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.test.context.TestPropertySource;

/** The fan-out into the SQL timeline store of the embedded default. */
@EmbeddedGlimpse
@TestPropertySource(properties = {"glimpse.timeline.fan-out-batch=" + FanOutContract.BATCH,
        "glimpse.timeline.celebrity-threshold=1000"})
class FanOutOnEmbeddedTest extends FanOutContract {
}
