package io.glimpse.api.security;

import io.glimpse.api.cluster.ConsistencyToken;
import io.glimpse.api.config.GlimpseProperties;
import io.glimpse.api.ratelimit.RateLimitFilter;
import io.glimpse.api.ratelimit.RateLimitHeaders;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stateless bearer-token security. Which endpoint needs what is listed here, in one place. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessTokens accessTokens, Sessions sessions,
                            CorsConfigurationSource corsConfigurationSource,
                            ProblemSecurityHandlers problems, RateLimitFilter rateLimits,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies: a bearer token cannot be forged cross-site
                .cors(cors -> cors.disable())
                .addFilter(ProblemCors.filter(corsConfigurationSource))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(accessTokens, sessions, problems),
                        AnonymousAuthenticationFilter.class)
                // Knows the caller from the token, and counts calls that authorization then refuses.
                .addFilterAfter(rateLimits, BearerTokenFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login",
                                "/api/auth/refresh").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(Reads.of("/api/users")).hasRole("ADMIN")
                        // EventSource cannot send the token: a ticket in the URL stands in for it (StreamController).
                        .requestMatchers(Reads.of("/api/stream")).permitAll()
                        .requestMatchers(Reads.of("/api/users/me/**")).authenticated()
                        .requestMatchers(Reads.of("/api/users/**", "/api/posts/**", "/api/search/**",
                                "/media/**")).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(new UnmappedRequestMatcher(controllers)).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /** Argon2id, with the algorithm named in each stored hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GlimpseProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.security().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", ConsistencyToken.HEADER));
        List<String> exposed = new ArrayList<>(List.of("Location", "Retry-After", ConsistencyToken.HEADER));
        exposed.addAll(RateLimitHeaders.ALL);
        cors.setExposedHeaders(exposed);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
