package io.glimpse.reliability;

import java.util.List;
import java.util.Map;

/** Whether the read models are what a full replay of every projection builds from the events. */
final class Convergence {

    private Convergence() {
    }

    /**
     * Takes the read models as they are (caught up), replays every projection, and waits up to a
     * minute for the rebuilt read models to be the same; answers the differences left.
     */
    static List<String> againstReplay(ReadModels readModels) {
        readModels.awaitCaughtUp(180);
        Map<String, List<String>> before = readModels.snapshot();
        readModels.replayAll();
        Processes.sleep(3_000); // the admin status reports a replay only once the processor has started it
        readModels.awaitCaughtUp(300);
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> differences = ReadModels.differences(before, readModels.snapshot());
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            Processes.sleep(1_000);
            differences = ReadModels.differences(before, readModels.snapshot());
        }
        return differences;
    }
}
