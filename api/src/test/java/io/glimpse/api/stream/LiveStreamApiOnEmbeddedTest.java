package io.glimpse.api.stream;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.test.context.TestPropertySource;

/** The live stream on the embedded default: the stream log and tickets in memory. */
@EmbeddedGlimpse
@TestPropertySource(properties = {LiveStreamApiContract.TEST_PROPERTIES_MAX_PER_USER,
        LiveStreamApiContract.TEST_PROPERTIES_RETENTION, LiveStreamApiContract.TEST_PROPERTIES_HEARTBEAT,
        LiveStreamApiContract.TEST_PROPERTIES_TICKET_TTL})
class LiveStreamApiOnEmbeddedTest extends LiveStreamApiContract {
}
