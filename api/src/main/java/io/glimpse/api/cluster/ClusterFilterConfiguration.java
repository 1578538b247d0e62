package io.glimpse.api.cluster;

import io.glimpse.processing.cluster.NodeRole;
import io.glimpse.processing.consistency.ReadYourWrites;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
        FilterRegistrationBean<RoleFilter> registration = new FilterRegistrationBean<>(new RoleFilter(node.role(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ConsistencyFilter> consistencyFilter(ReadYourWrites readYourWrites,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<ConsistencyFilter> registration =
                new FilterRegistrationBean<>(new ConsistencyFilter(readYourWrites, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
