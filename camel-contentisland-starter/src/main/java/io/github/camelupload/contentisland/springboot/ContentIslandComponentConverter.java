package io.github.camelupload.contentisland.springboot;

import io.github.camelupload.contentisland.ContentIslandConfiguration;
import io.github.camelupload.springboot.UploadBeanReferenceConverter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;

/**
 * Lets the bean-typed options name a Spring bean, as in Apache Camel's starters:
 * {@code camel.component.contentisland.progress-listener=#myListener} (or {@code #bean:myListener}).
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class ContentIslandComponentConverter extends UploadBeanReferenceConverter {

    public ContentIslandComponentConverter(ApplicationContext applicationContext) {
        super(applicationContext, ContentIslandConfiguration.class);
    }
}
