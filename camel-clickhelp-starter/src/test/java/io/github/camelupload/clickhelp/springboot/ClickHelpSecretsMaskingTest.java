package io.github.camelupload.clickhelp.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator never shows the ClickHelp credentials, and the starter works without the actuator. */
class ClickHelpSecretsMaskingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, ClickHelpComponentConverter.class,
                    ClickHelpComponentAutoConfiguration.class, ClickHelpSecretsSanitizingAutoConfiguration.class));

    @Test
    void credentialsAreMaskedInConfigpropsAndEnvNamesOthersAreNot() {
        runner.run(context -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            // configprops uses the bean property name, env the property source's name
            assertThat(shown(sanitizer, "camel.component.clickhelp.apiKey", "k-123")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.clickhelp.api-key", "k-123")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.clickhelp.username", "jane")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.clickhelp.configuration.apiKey", "k-123"))
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.clickhelp.portal-url", "https://acme.clickhelp.co"))
                    .isEqualTo("https://acme.clickhelp.co");
            assertThat(shown(sanitizer, "camel.component.other.username", "x")).isEqualTo("x");
        });
    }

    @Test
    void startsWithoutTheActuatorOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .withPropertyValues("camel.component.clickhelp.portal-url=http://127.0.0.1:1").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ClickHelpSecretsSanitizingAutoConfiguration.class);
                    assertThat(context).hasSingleBean(ClickHelpComponentAutoConfiguration.class);
                });
    }

    private static Object shown(SanitizingFunction sanitizer, String key, String value) {
        return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
    }
}
