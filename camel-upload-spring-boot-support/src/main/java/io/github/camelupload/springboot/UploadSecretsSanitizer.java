package io.github.camelupload.springboot;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks a component's credentials in {@code /actuator/configprops} and {@code /actuator/env} even when the application
 * shows values: any key under the prefix whose last segment is a secret option, in either spelling (configprops names
 * it {@code apiKey}, env {@code api-key}), {@code <prefix>.configuration.<secret>} included. Needs the actuator on the
 * classpath; a starter creates it from an auto-configuration that is {@code @ConditionalOnClass(SanitizingFunction.class)}.
 */
public class UploadSecretsSanitizer implements SanitizingFunction {

    private final String keyPrefix;
    private final Set<String> secretOptions;

    /**
     * @param prefix        the properties' prefix, for example {@code camel.component.clickhelp}
     * @param secretOptions the options the component JSON flags secret, in camel case
     */
    public UploadSecretsSanitizer(String prefix, Set<String> secretOptions) {
        this.keyPrefix = prefix + ".";
        this.secretOptions = Set.copyOf(secretOptions);
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key == null || !key.startsWith(keyPrefix)) {
            return data;
        }
        String last = key.substring(key.lastIndexOf('.') + 1).replace("-", "");
        boolean secret = secretOptions.stream().anyMatch(option -> option.equalsIgnoreCase(last));
        return secret ? data.withSanitizedValue() : data;
    }
}
