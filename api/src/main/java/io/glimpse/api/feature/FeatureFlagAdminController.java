package io.glimpse.api.feature;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.feature.FeatureFlagCommands.AddToBlocklist;
import io.glimpse.command.feature.FeatureFlagCommands.AddToWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.CreateFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.DeleteFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.EnableFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.RemoveFromBlocklist;
import io.glimpse.command.feature.FeatureFlagCommands.RemoveFromWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.RevertFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.SetRollout;
import io.glimpse.query.feature.FeatureFlagRepository;
import io.glimpse.query.feature.FeatureFlagView;
import io.glimpse.query.feature.FlagChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Feature flags for admins (the security configuration allows only them under /api/admin; the
 * aggregate checks again). Every change answers the flag as it now is.
 */
@RestController
@RequestMapping("/api/admin/features")
class FeatureFlagAdminController {

    private final Commands commands;
    private final FeatureFlagRepository flags;

    FeatureFlagAdminController(Commands commands, FeatureFlagRepository flags) {
        this.commands = commands;
        this.flags = flags;
    }

    record NewFlag(@NotBlank String name, String description) {
    }

    record Rollout(@NotNull @Min(0) @Max(100) Integer percentage) {
    }

    record Switch(@NotNull Boolean enabled) {
    }

    record Revert(@NotNull @Min(1) Long version) {
    }

    @GetMapping
    List<FeatureFlagView> list() {
        return flags.all();
    }

    @PostMapping
    ResponseEntity<FeatureFlagView> create(@Valid @RequestBody NewFlag body, @AuthenticationPrincipal AuthenticatedUser me) {
        String name = body.name().strip();
        commands.send(new CreateFeatureFlag(name, body.description(), me.asRequester()), name, ReadModel.FEATURE_FLAGS);
        return ResponseEntity.created(URI.create("/api/admin/features/" + name)).body(current(name));
    }

    @GetMapping("/{name}")
    FeatureFlagView one(@PathVariable String name) {
        return current(name);
    }

    /** Who changed what and when, oldest first; kept after the flag's deletion. */
    @GetMapping("/{name}/history")
    List<FlagChange> history(@PathVariable String name) {
        List<FlagChange> history = flags.history(name);
        if (history.isEmpty()) {
            throw new NotFoundException("No such feature flag");
        }
        return history;
    }

    @PutMapping("/{name}/rollout")
    FeatureFlagView rollout(@PathVariable String name, @Valid @RequestBody Rollout body,
                            @AuthenticationPrincipal AuthenticatedUser me) {
        return change(name, new SetRollout(name, body.percentage(), me.asRequester()));
    }

    @PutMapping("/{name}/enabled")
    FeatureFlagView enabled(@PathVariable String name, @Valid @RequestBody Switch body,
                            @AuthenticationPrincipal AuthenticatedUser me) {
        return change(name, new EnableFeatureFlag(name, body.enabled(), me.asRequester()));
    }

    /** {@code list} is {@code whitelist} or {@code blocklist}. */
    @PutMapping("/{name}/{list:whitelist|blocklist}/{userId}")
    FeatureFlagView addToList(@PathVariable String name, @PathVariable String list, @PathVariable UUID userId,
                              @AuthenticationPrincipal AuthenticatedUser me) {
        return change(name, "whitelist".equals(list)
                ? new AddToWhitelist(name, userId, me.asRequester())
                : new AddToBlocklist(name, userId, me.asRequester()));
    }

    @DeleteMapping("/{name}/{list:whitelist|blocklist}/{userId}")
    FeatureFlagView removeFromList(@PathVariable String name, @PathVariable String list, @PathVariable UUID userId,
                                   @AuthenticationPrincipal AuthenticatedUser me) {
        return change(name, "whitelist".equals(list)
                ? new RemoveFromWhitelist(name, userId, me.asRequester())
                : new RemoveFromBlocklist(name, userId, me.asRequester()));
    }

    /** Back to the state the flag had after that version of its history. */
    @PostMapping("/{name}/revert")
    FeatureFlagView revert(@PathVariable String name, @Valid @RequestBody Revert body,
                           @AuthenticationPrincipal AuthenticatedUser me) {
        return change(name, new RevertFeatureFlag(name, body.version(), me.asRequester()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, @AuthenticationPrincipal AuthenticatedUser me) {
        commands.send(new DeleteFeatureFlag(name, me.asRequester()), name, ReadModel.FEATURE_FLAGS);
    }

    private FeatureFlagView change(String name, Object command) {
        commands.send(command, name, ReadModel.FEATURE_FLAGS);
        return current(name);
    }

    private FeatureFlagView current(String name) {
        return flags.find(name).orElseThrow(() -> new NotFoundException("No such feature flag"));
    }
}
