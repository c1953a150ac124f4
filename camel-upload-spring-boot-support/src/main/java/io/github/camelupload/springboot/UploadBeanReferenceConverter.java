package io.github.camelupload.springboot;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelupload.support.progress.UploadProgressListener;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the bean-typed options name a Spring bean, as in Apache Camel's starters: {@code <prefix>.progress-listener=#myListener}
 * (or {@code #bean:myListener}). Covers the bean types every upload component has (progress listener, state
 * repository, TLS settings) and the component's own configuration class. A starter registers a subclass annotated
 * {@code @AutoConfiguration} and {@code @ConfigurationPropertiesBinding}.
 */
public class UploadBeanReferenceConverter implements GenericConverter {

    private final ApplicationContext applicationContext;
    private final Set<ConvertiblePair> convertibleTypes;

    /** @param configurationType the component's configuration class (its {@code configuration} option) */
    public UploadBeanReferenceConverter(ApplicationContext applicationContext, Class<?> configurationType) {
        this.applicationContext = applicationContext;
        this.convertibleTypes = Stream.of(UploadProgressListener.class, StateRepository.class,
                        SSLContextParameters.class, configurationType)
                .map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return convertibleTypes;
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
