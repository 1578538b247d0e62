package io.glimpse.api.admin;

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

    AdminController(Projections projections, DeadLetters deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
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
