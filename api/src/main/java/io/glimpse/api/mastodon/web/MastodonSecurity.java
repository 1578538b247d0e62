package io.glimpse.api.mastodon.web;

import io.glimpse.api.config.GlimpseProperties;
import io.glimpse.api.mastodon.oauth.MastodonSecurityErrors;
import io.glimpse.api.mastodon.oauth.MastodonTokenFilter;
import io.glimpse.api.mastodon.oauth.OAuthTokens;
import io.glimpse.api.ratelimit.RateLimitFilter;
import io.glimpse.api.ratelimit.RateLimitHeaders;
import io.glimpse.api.security.AccessTokens;
import io.glimpse.api.security.Sessions;
import io.glimpse.api.security.ProblemCors;
import io.glimpse.api.security.Reads;
import io.glimpse.api.security.UnmappedRequestMatcher;
import io.glimpse.api.web.FirstFilters;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mastodon API's own security filter chain, ahead of Glimpse's: its paths take Mastodon
 * access tokens as well as Glimpse JWTs, answer refusals in Mastodon's words, and list here which
 * endpoints are public, which want a user and which take an app token (sign-up).
 */
@Configuration(proxyBeanMethods = false)
class MastodonSecurity {

    private static final String USER = "USER";

    @Bean
    @Order(1)
    SecurityFilterChain mastodonApi(HttpSecurity http, OAuthTokens tokens, AccessTokens jwts, Sessions sessions,
                                    GlimpseProperties properties, MastodonSecurityErrors errors,
                                    RateLimitFilter rateLimits,
                                    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers)
            throws Exception {
        MastodonTokenFilter tokenFilter = new MastodonTokenFilter(tokens, jwts, sessions, properties, errors);
        return http
                .securityMatcher(MastodonPaths.ALL)
                .csrf(csrf -> csrf.disable()) // bearer tokens; the login form takes the password itself
                .cors(cors -> cors.disable())
                .addFilter(ProblemCors.filter(anyOrigin()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterBefore(tokenFilter, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimits, MastodonTokenFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/oauth/**", "/.well-known/**", "/nodeinfo/**", "/avatars/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/apps").permitAll()
                        .requestMatchers(Reads.of("/api/v1/apps/verify_credentials")).authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts")
                        .hasAuthority(MastodonTokenFilter.APP_ROLE)
                        .requestMatchers(Reads.of("/api/v1/instance", "/api/v1/instance/**", "/api/v2/instance",
                                "/api/v1/custom_emojis", "/api/v1/streaming/health")).permitAll()
                        // the WebSocket is no controller's: without this rule it would pass as unmapped
                        .requestMatchers(Reads.of("/api/v1/streaming", "/api/v1/streaming/")).hasRole(USER)
                        .requestMatchers(Reads.of("/api/v1/accounts/verify_credentials",
                                "/api/v1/accounts/relationships")).hasRole(USER)
                        .requestMatchers(Reads.of("/api/v1/accounts/lookup", "/api/v1/accounts/*",
                                "/api/v1/accounts/*/statuses", "/api/v1/accounts/*/followers",
                                "/api/v1/accounts/*/following", "/api/v1/statuses/*", "/api/v1/statuses/*/context",
                                "/api/v1/statuses/*/favourited_by", "/api/v1/timelines/public",
                                "/api/v1/timelines/tag/*", "/api/v2/search")).permitAll()
                        // an endpoint Glimpse does not offer is 404 (or 405), not 401, to anyone
                        .requestMatchers(new UnmappedRequestMatcher(controllers)).permitAll()
                        .anyRequest().hasRole(USER))
                .build();
    }

    /**
     * Mastodon's API is open to scripts of any origin, as Mastodon's own is: web clients (Elk,
     * Phanpy...) are served from their own sites. Safe because no cookie is involved, only bearer
     * tokens; the pagination and rate-limit headers must be readable.
     */
    private static CorsConfigurationSource anyOrigin() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowCredentials(false);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
        List<String> exposed = new ArrayList<>(List.of("Link", "Location", "Retry-After", "X-RateLimit-Limit",
                "X-RateLimit-Remaining", "X-RateLimit-Reset"));
        exposed.addAll(RateLimitHeaders.ALL);
        cors.setExposedHeaders(exposed);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Before every other filter, so that all their refusals are rewritten as well: Spring
     * Security's, and those of the first filters (a body over the limit, a node role that does
     * not serve the request).
     */
    @Bean
    FilterRegistrationBean<MastodonResponseFilter> mastodonResponses(ObjectMapper mapper, Clock clock) {
        FilterRegistrationBean<MastodonResponseFilter> registration =
                FirstFilters.at(0, new MastodonResponseFilter(mapper, clock));
        registration.addUrlPatterns("/api/v1/*", "/api/v2/*", "/oauth/*", "/.well-known/*", "/nodeinfo/*");
        return registration;
    }
}
