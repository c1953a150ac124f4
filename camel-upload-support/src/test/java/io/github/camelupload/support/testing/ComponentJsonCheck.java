package io.github.camelupload.support.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Compares the component JSON that Camel tooling reads (as it is packaged, from target/classes) with the annotations
 * and real field values of the classes it was generated from, and lists every drift by option or header name: a
 * default in the annotation that is not the field's initial value, a type, label, secret or required flag that
 * differs, an option or header missing on either side, a header whose direction (In:/Out:/In/out:) is not stated.
 */
public final class ComponentJsonCheck {

    /** Options Camel's DefaultEndpoint itself contributes. */
    private static final Set<String> CAMEL_ENDPOINT_OPTIONS = Set.of("lazyStartProducer");
    private static final Set<String> CAMEL_COMPONENT_OPTIONS = Set.of("lazyStartProducer", "autowiredEnabled", "configuration");

    private final List<String> drifts = new ArrayList<>();

    private ComponentJsonCheck() {
    }

    /** The drifts, empty when JSON and classes agree. */
    public static List<String> drifts(Path componentJson, Class<?> endpointClass, Class<?> constantsClass) throws Exception {
        ComponentJsonCheck check = new ComponentJsonCheck();
        JsonObject json = (JsonObject) Jsoner.deserialize(Files.readString(componentJson));
        Map<String, Option> options = new LinkedHashMap<>();
        collectOptions(endpointClass, null, options);
        check.compareOptions("properties", json.getMap("properties"), options, CAMEL_ENDPOINT_OPTIONS, false);
        // the component holds the same options (not the path) as endpoint defaults
        options.values().removeIf(o -> o.path);
        check.compareOptions("componentProperties", json.getMap("componentProperties"), options, CAMEL_COMPONENT_OPTIONS, true);
        check.compareHeaders(json.getMap("headers"), constantsClass);
        return check.drifts;
    }

    private record Option(String name, boolean path, String javaType, String defaultValue, Object initialValue,
                          String label, boolean secret, boolean required) {
    }

    /** The @UriPath/@UriParam fields of the endpoint and, through @UriParams fields, of its configuration classes. */
    private static void collectOptions(Class<?> type, Object instance, Map<String, Option> options) throws Exception {
        for (Class<?> c = type; c != null && c.getName().startsWith("io.github.camelupload"); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                UriParam param = field.getAnnotation(UriParam.class);
                UriPath path = field.getAnnotation(UriPath.class);
                if (field.getType().isAnnotationPresent(UriParams.class)) {
                    collectOptions(field.getType(), field.getType().getDeclaredConstructor().newInstance(), options);
                    continue;
                }
                if (param == null && path == null) {
                    continue;
                }
                Metadata metadata = field.getAnnotation(Metadata.class);
                field.setAccessible(true);
                Object initial = instance == null || Modifier.isStatic(field.getModifiers()) ? null : field.get(instance);
                String name = param != null ? orElse(param.name(), field.getName()) : orElse(path.name(), field.getName());
                String javaType = orElse(param != null ? param.javaType() : path.javaType(), field.getGenericType().getTypeName());
                options.put(name, new Option(name, path != null, javaType,
                        param != null ? param.defaultValue() : path.defaultValue(), initial,
                        param != null ? param.label() : path.label(), param != null && param.secret(),
                        metadata != null && metadata.required()));
            }
        }
    }

    private void compareOptions(String section, Map<String, Object> json, Map<String, Option> options, Set<String> camelOwn,
                                boolean component) {
        Set<String> inJson = new TreeSet<>(json.keySet());
        inJson.removeAll(camelOwn);
        if (!inJson.equals(new TreeSet<>(options.keySet()))) {
            Set<String> onlyJson = new TreeSet<>(inJson);
            onlyJson.removeAll(options.keySet());
            Set<String> onlyClasses = new TreeSet<>(options.keySet());
            onlyClasses.removeAll(inJson);
            drifts.add(section + ": only in the JSON " + onlyJson + ", only in the classes " + onlyClasses);
        }
        for (Option option : options.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) json.get(option.name());
            if (entry == null) {
                continue;
            }
            String where = section + "." + option.name() + ": ";
            expect(where + "javaType", entry.get("javaType"), option.javaType());
            expect(where + "label", entry.get("label"), option.label());
            expect(where + "secret", entry.get("secret"), option.secret());
            expect(where + "required", entry.get("required"), option.required());
            String jsonDefault = entry.get("defaultValue") == null ? null : String.valueOf(entry.get("defaultValue"));
            String annotated = option.defaultValue().isEmpty() ? null : option.defaultValue();
            expect(where + "defaultValue against the annotation", jsonDefault, annotated);
            if (!option.path()) {
                String actual = option.initialValue() == null ? null : String.valueOf(option.initialValue());
                expect(where + "defaultValue against the field's initial value", jsonDefault, actual);
            }
            if (String.valueOf(entry.get("description")).isBlank()) {
                drifts.add(where + "no description");
            }
            if (component && !"parameter".equals(entry.get("kind")) && !"property".equals(entry.get("kind"))) {
                drifts.add(where + "kind " + entry.get("kind"));
            }
        }
    }

    private void compareHeaders(Map<String, Object> json, Class<?> constantsClass) throws Exception {
        Set<String> declared = new TreeSet<>();
        for (Field field : constantsClass.getDeclaredFields()) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata == null) {
                continue;
            }
            field.setAccessible(true);
            String header = (String) field.get(null);
            declared.add(header);
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) json.get(header);
            if (entry == null) {
                drifts.add("headers." + header + ": declared in " + constantsClass.getSimpleName() + " but not in the JSON");
                continue;
            }
            String where = "headers." + header + ": ";
            expect(where + "javaType", entry.get("javaType"), metadata.javaType());
            expect(where + "label", entry.get("label"), metadata.label());
            expect(where + "description", entry.get("description"), metadata.description());
            String description = metadata.description();
            if (!(description.startsWith("In: ") || description.startsWith("Out: ") || description.startsWith("In/out: "))) {
                drifts.add(where + "the description does not start with its direction (In:, Out: or In/out:)");
            }
        }
        Set<String> onlyJson = new TreeSet<>(json.keySet());
        onlyJson.removeAll(declared);
        if (!onlyJson.isEmpty()) {
            drifts.add("headers only in the JSON: " + onlyJson);
        }
    }

    private void expect(String what, Object inJson, Object inClasses) {
        if (!Objects.equals(normalize(inJson), normalize(inClasses))) {
            drifts.add(what + " is " + inJson + " in the JSON but " + inClasses + " in the classes");
        }
    }

    private static Object normalize(Object value) {
        return value instanceof String s && s.isEmpty() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
