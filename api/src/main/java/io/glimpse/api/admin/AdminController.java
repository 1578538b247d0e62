package io.glimpse.api.admin;

import io.glimpse.processing.cluster.SegmentChanges;
import io.glimpse.processing.deadletter.DeadLetterView;
import io.glimpse.processing.deadletter.DeadLetters;
import io.glimpse.processing.status.ProjectionStatus;
import io.glimpse.processing.status.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projections and dead letters, for admins (the security configuration lets only ADMIN in). */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final Projections projections;
    private final DeadLetters deadLetters;
    private final SegmentChanges segments;

    AdminController(Projections projections, DeadLetters deadLetters, SegmentChanges segments) {
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.segments = segments;
    }

    @GetMapping("/projections")
    List<ProjectionStatus> projections() {
        return projections.statuses();
    }

    @GetMapping("/projections/{name}")
    ProjectionStatus projection(@PathVariable String name) {
        return projections.status(name);
    }

    /** 202: the replay runs on; its progress shows in the status. */
    @PostMapping("/projections/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replay(name));
    }

    /** The processor's segments in the token store: id, owning node (null while free), position. */
    @GetMapping("/projections/{name}/segments")
    Map<String, List<SegmentView>> segments(@PathVariable String name) {
        return SegmentView.page(segments.segments(name));
    }

    /**
     * Splits a segment in two (the new half starts where it was), with the processor paused on the
     * other nodes meanwhile; 409 for a processor that must keep one segment.
     */
    @PostMapping("/projections/{name}/segments/{segment}/split")
    Map<String, List<SegmentView>> split(@PathVariable String name, @PathVariable int segment) {
        return SegmentView.page(segments.split(name, segment));
    }

    /** Merges a segment with its other half; 409 when it has none. */
    @PostMapping("/projections/{name}/segments/{segment}/merge")
    Map<String, List<SegmentView>> merge(@PathVariable String name, @PathVariable int segment) {
        return SegmentView.page(segments.merge(name, segment));
    }

    @GetMapping("/dead-letters")
    Map<String, List<DeadLetterView>> deadLetters(@RequestParam Optional<String> processor) {
        return Map.of("items", deadLetters.list(processor));
    }

    /** 200 with {@code handled: true} when it went through now; otherwise it stays parked, one failure more. */
    @PostMapping("/dead-letters/{processor}/{id}/retry")
    Map<String, Boolean> retry(@PathVariable String processor, @PathVariable String id) {
        return Map.of("handled", deadLetters.retry(processor, id));
    }

    @DeleteMapping("/dead-letters/{processor}/{id}")
    ResponseEntity<Void> evict(@PathVariable String processor, @PathVariable String id) {
        deadLetters.evict(processor, id);
        return ResponseEntity.noContent().build();
    }
}
