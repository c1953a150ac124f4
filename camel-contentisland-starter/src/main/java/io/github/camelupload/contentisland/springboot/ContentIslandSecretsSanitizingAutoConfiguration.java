package io.github.camelupload.contentisland.springboot;

import java.util.Set;

import io.github.camelupload.springboot.UploadSecretsSanitizer;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the contentisland credentials in {@code /actuator/configprops} and {@code /actuator/env} even when the application
 * shows values ({@code management.endpoint.*.show-values=always}). Only active with the actuator on the classpath.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ContentIslandSecretsSanitizingAutoConfiguration {

    /** The options the component JSON flags secret ({@code StarterMetadataTest} keeps the two equal). */
    static final Set<String> SECRET_OPTIONS = Set.of("token");

    @Bean
    public SanitizingFunction contentIslandSecretsSanitizer() {
        return new UploadSecretsSanitizer(ContentIslandComponentAutoConfiguration.PREFIX, SECRET_OPTIONS);
    }
}
