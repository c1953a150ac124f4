package io.github.camelupload.clickhelp.springboot;

import java.util.Map;

import io.github.camelupload.clickhelp.ClickHelpComponent;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
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

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final ClickHelpComponentConfiguration configuration;

    public ClickHelpComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                              ClickHelpComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureClickHelpComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                // a whole configuration bean first, so that single options refine it instead of being replaced by it
                Object whole = options.remove("configuration");
                if (whole != null) {
                    CamelPropertiesHelper.setCamelProperties(camelContext, target,
                            new java.util.HashMap<>(Map.of("configuration", whole)), false);
                }
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, false);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        PREFIX + ".customizer") && target instanceof ClickHelpComponent;
            }
        };
    }
}
