package io.github.camelupload.springboot;

import java.util.List;
import java.util.Locale;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator never shows a component's credentials, and its starter works without the actuator. A starter's test
 * extends it and names its component, its credentials and its auto-configurations.
 */
public abstract class SecretsMaskingTestSupport {

    private final String prefix;
    private final List<String> secretOptions;
    private final String plainProperty;
    private final String plainValue;
    private final Class<?> componentAutoConfiguration;
    private final Class<?> sanitizingAutoConfiguration;
    private final ApplicationContextRunner runner;

    /**
     * @param component                   the component name, as in {@code camel.component.<name>.*}
     * @param secretOptions               the credentials, as option names ({@code apiKey})
     * @param plainProperty               a property that is shown, as in the environment ({@code portal-url})
     * @param plainValue                  a value of it
     * @param converter                   the starter's bean-reference converter auto-configuration
     * @param componentAutoConfiguration  the starter's component auto-configuration
     * @param sanitizingAutoConfiguration the starter's sanitizing auto-configuration
     */
    protected SecretsMaskingTestSupport(String component, List<String> secretOptions, String plainProperty,
                                        String plainValue, Class<?> converter, Class<?> componentAutoConfiguration,
                                        Class<?> sanitizingAutoConfiguration) {
        this.prefix = "camel.component." + component + ".";
        this.secretOptions = secretOptions;
        this.plainProperty = plainProperty;
        this.plainValue = plainValue;
        this.componentAutoConfiguration = componentAutoConfiguration;
        this.sanitizingAutoConfiguration = sanitizingAutoConfiguration;
        this.runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                CamelAutoConfiguration.class, converter, componentAutoConfiguration, sanitizingAutoConfiguration));
    }

    @Test
    void credentialsAreMaskedInConfigpropsAndEnvNamesOthersAreNot() {
        runner.run(context -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            for (String secret : secretOptions) {
                // configprops uses the bean property name, env the property source's name
                assertThat(shown(sanitizer, prefix + secret, "s3cret")).as(secret).isEqualTo(SanitizableData.SANITIZED_VALUE);
                assertThat(shown(sanitizer, prefix + kebab(secret), "s3cret")).as(secret)
                        .isEqualTo(SanitizableData.SANITIZED_VALUE);
                assertThat(shown(sanitizer, prefix + "configuration." + secret, "s3cret")).as(secret)
                        .isEqualTo(SanitizableData.SANITIZED_VALUE);
                assertThat(shown(sanitizer, "camel.component.other." + secret, "x")).as(secret).isEqualTo("x");
            }
            assertThat(shown(sanitizer, prefix + plainProperty, plainValue)).isEqualTo(plainValue);
        });
    }

    @Test
    void startsWithoutTheActuatorOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .withPropertyValues(prefix + plainProperty + "=" + plainValue).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(sanitizingAutoConfiguration);
                    assertThat(context).hasSingleBean(componentAutoConfiguration);
                });
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static Object shown(SanitizingFunction sanitizer, String key, String value) {
        return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
    }
}
