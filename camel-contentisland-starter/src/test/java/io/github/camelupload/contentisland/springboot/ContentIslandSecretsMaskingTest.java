package io.github.camelupload.contentisland.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator never shows the ContentIsland credentials, and the starter works without the actuator. */
class ContentIslandSecretsMaskingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, ContentIslandComponentConverter.class,
                    ContentIslandComponentAutoConfiguration.class, ContentIslandSecretsSanitizingAutoConfiguration.class));

    @Test
    void credentialsAreMaskedInConfigpropsAndEnvNamesOthersAreNot() {
        runner.run(context -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            // configprops uses the bean property name, env the property source's name
            assertThat(shown(sanitizer, "camel.component.contentisland.token", "t-123")).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.contentisland.configuration.token", "t-123"))
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(shown(sanitizer, "camel.component.contentisland.base-url", "https://api.contentisland.net/api/1.0"))
                    .isEqualTo("https://api.contentisland.net/api/1.0");
            assertThat(shown(sanitizer, "camel.component.other.token", "x")).isEqualTo("x");
        });
    }

    @Test
    void startsWithoutTheActuatorOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .withPropertyValues("camel.component.contentisland.base-url=http://127.0.0.1:1").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ContentIslandSecretsSanitizingAutoConfiguration.class);
                    assertThat(context).hasSingleBean(ContentIslandComponentAutoConfiguration.class);
                });
    }

    private static Object shown(SanitizingFunction sanitizer, String key, String value) {
        return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
    }
}
