package io.glimpse.command;

import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Makes every aggregate instance by its no-argument constructor ({@link GenericAggregateFactory}),
 * not as a Spring prototype bean, Axon's default with Spring: that runs the whole bean life cycle
 * (post-processors and all) for each command, a sixteenth of a like's time on the server, and no
 * aggregate here takes anything from Spring (their handlers get {@code CommandFacts} as a
 * parameter). Axon registers its own factory for an aggregate only if no bean named
 * {@code <aggregate>AggregateFactory} exists, so these are registered first ({@link Ordered}).
 */
@Component
class AggregateFactories implements BeanDefinitionRegistryPostProcessor, Ordered {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            String className = registry.getBeanDefinition(name).getBeanClassName();
            Class<?> type = className == null ? null : ClassUtils.resolveClassName(className, getClass().getClassLoader());
            if (type == null || !type.isAnnotationPresent(Aggregate.class)) {
                continue;
            }
            String factoryName = StringUtils.uncapitalize(type.getSimpleName()) + "AggregateFactory";
            if (!registry.containsBeanDefinition(factoryName)) {
                registry.registerBeanDefinition(factoryName, BeanDefinitionBuilder
                        .genericBeanDefinition(GenericAggregateFactory.class)
                        .addConstructorArgValue(type)
                        .getBeanDefinition());
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // all done on the registry
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
