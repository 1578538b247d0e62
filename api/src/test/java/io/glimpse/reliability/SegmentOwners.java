package io.glimpse.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Who holds the processors' segments, through the admin API of whichever query node answers. */
final class SegmentOwners {

    private SegmentOwners() {
    }

    /** How many segments, over every processor, each owner holds ("none" for free ones). */
    static Map<String, Integer> count(Http http, String admin) {
        Map<String, Integer> owners = new TreeMap<>();
        for (Map<String, Object> status : ReadModels.statuses(http.send("GET", "/api/admin/projections", admin, null))) {
            segmentsOf(http, admin, (String) status.get("name"))
                    .forEach(owner -> owners.merge(owner == null ? "none" : owner, 1, Integer::sum));
        }
        return owners;
    }

    static int held(Http http, String admin, String ownerPrefix) {
        return count(http, admin).entrySet().stream().filter(entry -> entry.getKey().startsWith(ownerPrefix))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @SuppressWarnings("unchecked")
    private static Stream<String> segmentsOf(Http http, String admin, String processor) {
        Http.Answer answer = http.send("GET", "/api/admin/projections/" + processor + "/segments", admin, null);
        return answer.status() != 200 ? Stream.empty()
                : ((List<Map<String, Object>>) answer.json().get("items")).stream().map(segment -> (String) segment.get("owner"));
    }
}
