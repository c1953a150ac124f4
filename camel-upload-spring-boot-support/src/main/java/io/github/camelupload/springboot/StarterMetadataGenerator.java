package io.github.camelupload.springboot;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Build step of a starter (exec-maven-plugin, phase process-resources): writes its
 * {@code META-INF/additional-spring-configuration-metadata.json} from the component JSON, so that the descriptions and
 * defaults IDEs show have one source, the component. spring-boot-configuration-processor merges the file into the
 * metadata it generates from the {@code @ConfigurationProperties} class during compile: the class gives every property
 * its name and type (the starter's metadata test fails for a component option without one), this file its description
 * and default, and the {@code enabled} and {@code customizer.enabled} switches.
 *
 * <p>Arguments: the component name (the properties are {@code camel.component.<name>.*}), the classpath resource of the
 * component JSON, the file to write.
 */
public final class StarterMetadataGenerator {

    private StarterMetadataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("Arguments: <component name> <component JSON resource> <output file>");
        }
        Path output = Path.of(args[2]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, Jsoner.prettyPrint(Jsoner.serialize(metadata(args[0], readComponentJson(args[1])))),
                StandardCharsets.UTF_8);
    }

    static JsonObject metadata(String component, JsonObject componentJson) {
        String prefix = "camel.component." + component + ".";
        JsonArray properties = new JsonArray();
        properties.add(switchProperty(prefix + "enabled", "Whether to enable auto configuration of the " + component
                + " component. This is enabled by default."));
        properties.add(switchProperty(prefix + "customizer.enabled", "Whether the " + prefix + "* properties are applied"
                + " to the component (through a ComponentCustomizer). This is enabled by default."));
        JsonObject options = (JsonObject) componentJson.get("componentProperties");
        if (options == null) {
            throw new IllegalArgumentException("The component JSON has no componentProperties");
        }
        for (Map.Entry<String, Object> option : options.entrySet()) {
            JsonObject model = (JsonObject) option.getValue();
            JsonObject property = new JsonObject();
            // no type: the @ConfigurationProperties class gives it, and a property the class lacks stays without one
            property.put("name", prefix + kebab(option.getKey()));
            property.put("description", model.getString("description"));
            if (model.get("defaultValue") != null) {
                property.put("defaultValue", model.get("defaultValue"));
            }
            properties.add(property);
        }
        JsonObject metadata = new JsonObject();
        metadata.put("properties", properties);
        return metadata;
    }

    /** The property name of a component option: {@code apiKey} becomes {@code api-key}. */
    public static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static JsonObject switchProperty(String name, String description) {
        JsonObject property = new JsonObject();
        property.put("name", name);
        property.put("type", "java.lang.Boolean");
        property.put("defaultValue", true);
        property.put("description", description);
        return property;
    }

    private static JsonObject readComponentJson(String resource) throws Exception {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No component JSON " + resource + " on the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return (JsonObject) Jsoner.deserialize(reader);
            }
        }
    }
}
