package io.github.camelupload.clickhelp.springboot;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the clickhelp credentials in {@code /actuator/configprops} and {@code /actuator/env} even when the application
 * shows values ({@code management.endpoint.*.show-values=always}). Only active with the actuator on the classpath.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ClickHelpSecretsSanitizingAutoConfiguration {

    /** The options the component JSON flags secret ({@code StarterMetadataTest} keeps the two equal). */
    static final Set<String> SECRET_OPTIONS = Set.of("username", "apiKey");

    @Bean
    public SanitizingFunction clickHelpSecretsSanitizer() {
        return ClickHelpSecretsSanitizingAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        String key = data.getKey();
        if (key == null || !key.startsWith(ClickHelpComponentAutoConfiguration.PREFIX + ".")) {
            return data;
        }
        // configprops names the property apiKey, env names it api-key; configuration.apiKey is a secret too
        String last = key.substring(key.lastIndexOf('.') + 1).replace("-", "");
        boolean secret = SECRET_OPTIONS.stream().anyMatch(option -> option.equalsIgnoreCase(last));
        return secret ? data.withSanitizedValue() : data;
    }
}
