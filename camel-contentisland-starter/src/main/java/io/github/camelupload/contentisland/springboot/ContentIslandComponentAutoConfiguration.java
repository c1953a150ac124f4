package io.github.camelupload.contentisland.springboot;

import io.github.camelupload.contentisland.ContentIslandComponent;
import io.github.camelupload.springboot.UploadComponentCustomizer;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.contentisland.*} properties to the contentisland component through a
 * {@link ComponentCustomizer}, as Apache Camel's generated starters do: off with
 * {@code camel.component.contentisland.enabled=false}, customizers off with
 * {@code camel.component[.contentisland].customizer.enabled=false}; the application's own customizers also apply.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, ContentIslandComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, ContentIslandComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.contentisland" })
public class ContentIslandComponentAutoConfiguration {

    static final String PREFIX = "camel.component.contentisland";

    private final ComponentCustomizer customizer;

    public ContentIslandComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                              ContentIslandComponentConfiguration configuration) {
        this.customizer = new UploadComponentCustomizer(applicationContext, camelContext, configuration, PREFIX,
                ContentIslandComponent.class);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureContentIslandComponent() {
        return customizer;
    }
}
