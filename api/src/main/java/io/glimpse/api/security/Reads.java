package io.glimpse.api.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches GET and HEAD requests to the given paths. Spring MVC answers a HEAD with the GET handler,
 * so a rule written for GET alone would leave HEAD to a looser rule, running an admin-only handler
 * for anyone and telling them its answer's length. Every read rule is written with this instead.
 */
public final class Reads {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private Reads() {
    }

    public static RequestMatcher of(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(PATHS.matcher(HttpMethod.GET, pattern));
            matchers.add(PATHS.matcher(HttpMethod.HEAD, pattern));
        }
        return new OrRequestMatcher(matchers);
    }
}
