package io.github.camelupload.clickhelp.springboot;

import io.github.camelupload.clickhelp.ClickHelpConfiguration;
import io.github.camelupload.springboot.UploadBeanReferenceConverter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;

/**
 * Lets the bean-typed options name a Spring bean, as in Apache Camel's starters:
 * {@code camel.component.clickhelp.progress-listener=#myListener} (or {@code #bean:myListener}).
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class ClickHelpComponentConverter extends UploadBeanReferenceConverter {

    public ClickHelpComponentConverter(ApplicationContext applicationContext) {
        super(applicationContext, ClickHelpConfiguration.class);
    }
}
