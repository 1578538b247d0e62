package io.glimpse.api.feature;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.query.feature.FeatureFlagRepository;
import io.glimpse.query.feature.FlagRule;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The flags that are on for the logged-in user, so a client can show what they have. */
@RestController
class FeatureController {

    private final FeatureFlagRepository flags;

    FeatureController(FeatureFlagRepository flags) {
        this.flags = flags;
    }

    record Features(List<String> enabled) {
    }

    @GetMapping("/api/features")
    Features mine(@AuthenticationPrincipal AuthenticatedUser me) {
        return new Features(flags.rules(me.id()).stream()
                .filter(rule -> rule.isOnFor(me.id()))
                .map(FlagRule::flag)
                .toList());
    }
}
