package io.glimpse.api.site;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Serves the web site (built from {@code web/} into the jar's {@code site/} folder; README, "Web
 * frontend"). Vite names every file under {@code /assets/} after a hash of its content, so those
 * are cached for good; the files at the root keep their names and are revalidated on each load
 * ({@code config.js} is edited where the site is deployed, and a new index.html names new assets).
 * <p>
 * The site is one page that routes in the browser, so a deep link or a reload of one of its page
 * paths gets index.html. Only those paths: every other one (and all of {@code /api/**}) is still a
 * 404 problem, since static resources are otherwise off ({@code spring.web.resources.add-mappings=false}).
 * None of this is a controller, so security lets anonymous visitors through without a rule of its
 * own (UnmappedRequestMatcher), and no handler of the API is involved.
 */
@Configuration(proxyBeanMethods = false)
class SiteServing implements WebMvcConfigurer {

    /** The page paths of web/src/app.jsx. */
    static final String[] PAGES = {"/", "/login", "/register", "/feed", "/search", "/upload", "/notifications",
            "/p/*", "/u/*"};
    /** Files at the site's root, served as they are. */
    static final String[] ROOT_FILES = {"/index.html", "/config.js", "/favicon.svg"};

    private final String location;

    SiteServing(@Value("${glimpse.site.location:classpath:/site/}") String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(location + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler(ROOT_FILES)
                .addResourceLocations(location)
                .setCacheControl(CacheControl.noCache());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController(page).setViewName("forward:/index.html");
        }
    }
}
