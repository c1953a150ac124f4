package io.github.camelupload.clickhelp.springboot;

import io.github.camelupload.clickhelp.ClickHelpComponent;
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
 * Applies the {@code camel.component.clickhelp.*} properties to the clickhelp component through a
 * {@link ComponentCustomizer}, as Apache Camel's generated starters do: off with
 * {@code camel.component.clickhelp.enabled=false}, customizers off with
 * {@code camel.component[.clickhelp].customizer.enabled=false}; the application's own customizers also apply.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, ClickHelpComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, ClickHelpComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.clickhelp" })
public class ClickHelpComponentAutoConfiguration {

    static final String PREFIX = "camel.component.clickhelp";

    private final ComponentCustomizer customizer;

    public ClickHelpComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                              ClickHelpComponentConfiguration configuration) {
        this.customizer = new UploadComponentCustomizer(applicationContext, camelContext, configuration, PREFIX,
                ClickHelpComponent.class);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureClickHelpComponent() {
        return customizer;
    }
}
