package dev.migrate.autoconfigure;

import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import dev.migrate.Migrate;

/**
 * Defines a Migrate bean {@code <name>Migrate} for each {@code migrate.instances.<name>}, made by
 * {@link MigrateInstances#create}. The definitions name a factory method rather than hold code, so that Spring AOT
 * can write them out (the instances are then those configured at build time, as with any bean definition).
 */
class MigrateInstancesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, Object> instances = Binder.get(environment)
                .bind("migrate.instances", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        for (String name : instances.keySet()) {
            RootBeanDefinition definition = new RootBeanDefinition();
            definition.setTargetType(Migrate.class);
            definition.setFactoryBeanName("migrateInstances");
            definition.setFactoryMethodName("create");
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
            registry.registerBeanDefinition(name + "Migrate", definition);
        }
    }
}
