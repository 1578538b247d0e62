package io.glimpse.api.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** The filters that look at a request before anything else does: its body's size, its Accept header. */
@Configuration(proxyBeanMethods = false)
class RequestFilterConfiguration {

    /** First of all filters: before security, rate limits or anything else can read a body. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimits(BodyLimitProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return FirstFilters.at(1, new BodyLimitFilter(properties, problems));
    }

    @Bean
    FilterRegistrationBean<UnreadableAcceptFilter> unreadableAccept() {
        return FirstFilters.at(2, new UnreadableAcceptFilter());
    }
}
