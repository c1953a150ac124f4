package io.github.camelupload.contentisland.springboot;

import java.util.Set;

import io.github.camelupload.contentisland.ContentIslandConfiguration;
import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the bean-typed options name a Spring bean, as in Apache Camel's starters:
 * {@code camel.component.contentisland.progress-listener=#myListener} (or {@code #bean:myListener}).
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class ContentIslandComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(UploadProgressListener.class, StateRepository.class,
            SSLContextParameters.class, ContentIslandConfiguration.class);

    private final ApplicationContext applicationContext;

    public ContentIslandComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream().map(t -> new ConvertiblePair(String.class, t))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
