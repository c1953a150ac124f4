package io.github.camelupload.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A starter's IDE metadata (spring-boot-configuration-processor's, with the descriptions and defaults of
 * {@link StarterMetadataGenerator} merged in) describes exactly the component's options, as the component JSON does:
 * a new, removed or retyped component option fails here until the starter's properties class follows. A starter's test
 * extends it and names its component.
 */
public abstract class StarterMetadataTestSupport {

    private final String prefix;
    private final String componentJson;
    private final Set<String> maskedOptions;

    /**
     * @param component             the component name, as in {@code camel.component.<name>.*}
     * @param componentJsonResource the component JSON on the test classpath
     * @param maskedOptions         the options the starter's sanitizer masks
     */
    protected StarterMetadataTestSupport(String component, String componentJsonResource, Set<String> maskedOptions) {
        this.prefix = "camel.component." + component + ".";
        this.componentJson = componentJsonResource;
        this.maskedOptions = maskedOptions;
    }

    @Test
    void everyComponentOptionIsAPropertyWithTheSameTypeDefaultAndDescription() throws Exception {
        JsonNode component = read(componentJson).get("componentProperties");
        Map<String, JsonNode> starter = new HashMap<>();
        for (JsonNode property : read("/META-INF/spring-configuration-metadata.json").get("properties")) {
            starter.put(property.get("name").asText(), property);
        }

        Set<String> expected = new HashSet<>(Set.of(prefix + "enabled", prefix + "customizer.enabled"));
        for (Iterator<Map.Entry<String, JsonNode>> it = component.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = prefix + kebab(option.getKey());
            expected.add(name);
            JsonNode property = starter.get(name);
            assertThat(property).as("starter property for the component option %s", option.getKey()).isNotNull();
            // the properties class, not only the generated descriptions, has the property
            assertThat(property.path("sourceType").asText()).as("source of %s", name).isNotEmpty();
            assertThat(property.path("type").asText()).as("type of %s", name)
                    .isEqualTo(boxed(option.getValue().get("javaType").asText()));
            assertThat(property.path("defaultValue").asText()).as("default of %s", name)
                    .isEqualTo(option.getValue().path("defaultValue").asText());
            assertThat(property.path("description").asText()).as("description of %s", name)
                    .isEqualTo(option.getValue().get("description").asText());
        }
        assertThat(starter.keySet()).as("starter properties").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theMaskedOptionsAreTheSecretOnes() throws Exception {
        Set<String> secret = new HashSet<>();
        read(componentJson).get("componentProperties").fields().forEachRemaining(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                secret.add(e.getKey());
            }
        });
        assertThat(maskedOptions).isEqualTo(secret);
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "boolean" -> "java.lang.Boolean";
            default -> javaType.replace(", ", ",");
        };
    }

    // its own copy, not StarterMetadataGenerator's: the check should not share a mistake with what it checks
    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
