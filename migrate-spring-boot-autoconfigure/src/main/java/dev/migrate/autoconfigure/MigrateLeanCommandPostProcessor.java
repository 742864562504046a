package dev.migrate.autoconfigure;

import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Keeps the JPA beans the application declares itself (Spring Boot's are left out of a lean command altogether,
 * {@link MigrateCommandEnvironmentPostProcessor}) unmade unless something the command needs asks for them. Lazy
 * initialization alone does not: Spring Boot leaves every {@code SmartInitializingSingleton} eager, the entity
 * manager factory is one, and Spring Data declares its repositories eager unless they bootstrap lazily.
 */
class MigrateLeanCommandPostProcessor implements BeanFactoryPostProcessor, Ordered {

    /** The factories of what JPA makes: entity manager factories and Spring Data repositories. */
    private static final List<String> JPA_FACTORY_TYPES = List.of(
            "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
            "org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport");

    private final Environment environment;

    MigrateLeanCommandPostProcessor(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!MigrateCommandMode.isLean(this.environment)) {
            return;
        }
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        for (String typeName : JPA_FACTORY_TYPES) {
            if (!ClassUtils.isPresent(typeName, classLoader)) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                String beanName = BeanFactoryUtils.transformedBeanName(name);
                if (beanFactory.containsBeanDefinition(beanName)) {
                    beanFactory.getBeanDefinition(beanName).setLazyInit(true);
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
