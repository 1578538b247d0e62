package io.glimpse.api.cluster;

import io.glimpse.api.web.FirstFilters;
import io.glimpse.processing.cluster.NodeRole;
import io.glimpse.processing.consistency.ReadYourWrites;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The filters of a scaled-out deployment: a misdirected request is refused before anything reads
 * it (after the body limit and Accept filters), and a read that names a write waits for it.
 */
@Configuration(proxyBeanMethods = false)
class ClusterFilterConfiguration {

    @Bean
    FilterRegistrationBean<RoleFilter> roleFilter(NodeRole node,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return FirstFilters.at(3, new RoleFilter(node.role(), problems));
    }

    @Bean
    FilterRegistrationBean<ConsistencyFilter> consistencyFilter(ReadYourWrites readYourWrites,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return FirstFilters.at(4, new ConsistencyFilter(readYourWrites, problems));
    }
}
