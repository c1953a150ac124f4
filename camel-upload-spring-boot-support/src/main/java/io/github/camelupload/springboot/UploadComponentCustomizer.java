package io.github.camelupload.springboot;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * Copies the options that are set in a starter's {@code @ConfigurationProperties} bean to the component, as Apache
 * Camel's generated starters do. Enabled unless {@code camel.component.customizer.enabled} or
 * {@code <prefix>.customizer.enabled} is false, and only for the component's own type.
 */
public class UploadComponentCustomizer implements ComponentCustomizer {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final Object configuration;
    private final String prefix;
    private final Class<? extends Component> componentType;

    /**
     * @param prefix        the properties' prefix, for example {@code camel.component.clickhelp}
     * @param componentType the component the properties are for
     */
    public UploadComponentCustomizer(ApplicationContext applicationContext, CamelContext camelContext,
                                     Object configuration, String prefix, Class<? extends Component> componentType) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.prefix = prefix;
        this.componentType = componentType;
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        // a whole configuration bean first, so that single options refine it instead of being replaced by it
        Object whole = options.remove("configuration");
        if (whole != null) {
            CamelPropertiesHelper.setCamelProperties(camelContext, target, new HashMap<>(Map.of("configuration", whole)),
                    false);
        }
        CamelPropertiesHelper.setCamelProperties(camelContext, target, options, false);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                prefix + ".customizer") && componentType.isInstance(target);
    }
}
