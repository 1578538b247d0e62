package io.glimpse.api.admin;

import io.glimpse.events.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event history as NDJSON, one event a line, read from the event table in pages of
 * {@value #PAGE} by global index: memory stays constant however many events there are, and each
 * page is written out (and flushed) before the next is read. Fields marked {@link PersonalData}
 * are exported as null: analysts get what happened, not people's data.
 */
@Component
class EventHistory {

    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, List<String>> personalFields = new ConcurrentHashMap<>();

    EventHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Which events: after a global index, of one type (simple or full class name), of one
     * aggregate, stored within [from, to), at most {@code limit} (null for all).
     */
    record Filter(long after, String type, String aggregateId, Instant from, Instant to, Long limit) {
    }

    private record Row(long globalIndex, String timestamp, String payloadType, String aggregateType,
                       String aggregateId, long sequence, byte[] payload) {
    }

    void write(Filter filter, OutputStream out) throws IOException {
        long after = filter.after();
        long written = 0;
        while (filter.limit() == null || written < filter.limit()) {
            List<Row> page = page(filter, after);
            for (Row row : page) {
                after = row.globalIndex();
                Instant at = Instant.parse(row.timestamp());
                if ((filter.from() == null || !at.isBefore(filter.from())) && (filter.to() == null || at.isBefore(filter.to()))
                        && (filter.limit() == null || written < filter.limit())) {
                    out.write(line(row, at));
                    written++;
                }
            }
            out.flush();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private List<Row> page(Filter filter, long after) {
        StringBuilder sql = new StringBuilder("""
                select global_index, time_stamp, payload_type, type, aggregate_identifier, sequence_number, payload
                  from domain_event_entry where global_index > :after""");
        var statement = new java.util.HashMap<String, Object>();
        statement.put("after", after);
        if (filter.type() != null) {
            sql.append(" and (payload_type = :type or payload_type like :nested or payload_type like :packaged)");
            statement.put("type", filter.type());
            statement.put("nested", "%$" + filter.type());
            statement.put("packaged", "%." + filter.type());
        }
        if (filter.aggregateId() != null) {
            sql.append(" and aggregate_identifier = :aggregate");
            statement.put("aggregate", filter.aggregateId());
        }
        sql.append(" order by global_index limit ").append(PAGE);
        return jdbc.sql(sql.toString()).params(statement)
                .query((rs, n) -> new Row(rs.getLong("global_index"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getBytes("payload")))
                .list();
    }

    private byte[] line(Row row, Instant at) {
        ObjectNode line = json.createObjectNode();
        line.put("globalIndex", row.globalIndex());
        line.put("timestamp", at.toString());
        String payloadType = row.payloadType();
        line.put("type", payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1));
        line.put("aggregateType", row.aggregateType());
        line.put("aggregateId", row.aggregateId());
        line.put("sequence", row.sequence());
        line.set("payload", redacted(payloadType, json.readTree(new String(row.payload(), StandardCharsets.UTF_8))));
        return (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode redacted(String payloadType, JsonNode payload) {
        if (payload instanceof ObjectNode object) {
            personalFields.computeIfAbsent(payloadType, EventHistory::personalFieldsOf).forEach(object::putNull);
        }
        return payload;
    }

    private static List<String> personalFieldsOf(String payloadType) {
        try {
            RecordComponent[] components = Class.forName(payloadType).getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .map(RecordComponent::getName)
                    .toList();
        } catch (ClassNotFoundException unknown) {
            return List.of();
        }
    }
}
