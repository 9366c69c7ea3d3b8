package org.parley.deploy;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What configuration one service reads, found in its own sources, so that a deployment can be checked
 * against it: every environment variable it sets must be read, and every setting the service cannot run
 * without in production must be set. A variable is read when it is, in environment form (a.b-c is A_B_C):
 * <ul>
 *   <li>a key of the service's application.properties, or named by {@code @ConfigProperty(name = ...)};</li>
 *   <li>a property of one of its {@code @ConfigMapping} interfaces (nested groups included);</li>
 *   <li>a Kafka client setting (KAFKA_X_Y is kafka.x.y, handed by quarkus-kafka-client to every client);</li>
 *   <li>listed in extension-settings.properties: read by an extension or the container image.</li>
 * </ul>
 * Required: the datasource's URL and credentials, every property whose local default points at localhost,
 * every @ConfigMapping property with neither a default nor Optional, and what the list marks required.
 */
final class ServiceSettings {

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)");
    private static final Pattern ABSTRACT_METHOD = Pattern.compile(
            "((?:@\\w+(?:\\([^)]*\\))?\\s+)*)([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();

    private final String service;
    private final Set<String> read = new TreeSet<>();
    private final Set<String> required = new TreeSet<>();

    private ServiceSettings(String service) {
        this.service = service;
    }

    /** The settings of the service in module {@code service} of the checkout (party-service, ...). */
    static ServiceSettings of(String service) {
        Path module = Checkout.path(service);
        if (!Files.isDirectory(module)) {
            throw new IllegalArgumentException("No module " + service + " in " + Checkout.ROOT);
        }
        ServiceSettings settings = new ServiceSettings(service);
        settings.readProperties(module.resolve("src/main/resources/application.properties"));
        settings.readSources(module);
        // A Parley library the service is built with reads settings in the service's process too
        // (event-bus-quarkus: parley.event-bus.*).
        for (String library : LIBRARIES) {
            if (dependsOn(module, library)) {
                Path libraryModule = Checkout.path(library);
                settings.readProperties(libraryModule.resolve("src/main/resources/META-INF/microprofile-config.properties"));
                settings.readSources(libraryModule);
            }
        }
        settings.readExtensionList();
        return settings;
    }

    /** Parley's own libraries with Quarkus-side configuration. */
    private static final List<String> LIBRARIES = List.of("event-bus-quarkus", "api-support");

    private static boolean dependsOn(Path module, String artifactId) {
        try {
            return Files.readString(module.resolve("pom.xml"), StandardCharsets.UTF_8)
                    .contains("<artifactId>" + artifactId + "</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readSources(Path module) {
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                readSource(Files.readString(source, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment form of a configuration key: a.b-c is A_B_C. */
    static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a deployment of this service that sets exactly {@code variables}. */
    List<String> problems(Collection<String> variables) {
        List<String> problems = new ArrayList<>();
        for (String variable : new TreeSet<>(variables)) {
            if (!reads(variable)) {
                problems.add(service + " sets " + variable + ", which " + service + " does not read");
            }
        }
        for (String variable : required) {
            if (!variables.contains(variable)) {
                problems.add(service + " needs " + variable + ", which is not set");
            }
        }
        return problems;
    }

    boolean reads(String variable) {
        if (read.contains(variable)) {
            return true;
        }
        if (variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return KAFKA_CLIENT_SETTINGS.contains(setting);
        }
        return false;
    }

    Set<String> required() {
        return required;
    }

    private void readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // a test or dev profile's value: not what production reads
            }
            String variable = env(key);
            read.add(variable);
            if (properties.getProperty(key).contains("localhost") || key.matches("quarkus\\.datasource\\.(jdbc\\.url|username|password)")) {
                required.add(variable);
            }
        }
    }

    private void readSource(String source) {
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            read.add(env(property.group(1)));
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (mapping.find()) {
            Matcher root = INTERFACE.matcher(source);
            if (root.find(mapping.end())) {
                readMapping(source, root.group(1), mapping.group(1), true);
            }
        }
    }

    /** The abstract methods of interface {@code name} (declared in {@code source}), each a property under prefix. */
    private void readMapping(String source, String name, String prefix, boolean requiredGroup) {
        String body = interfaceBody(source, name);
        Matcher method = ABSTRACT_METHOD.matcher(body);
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2);
            String key = prefix + "." + kebab(method.group(3));
            if (INTERFACE.matcher(source).results().anyMatch(r -> r.group(1).equals(type))) {
                readMapping(source, type, key, requiredGroup);
                continue;
            }
            read.add(env(key));
            if (requiredGroup && !annotations.contains("@WithDefault") && !type.startsWith("Optional")) {
                required.add(env(key));
            }
        }
    }

    /** The text between an interface's braces, without the bodies of its nested interfaces. */
    private static String interfaceBody(String source, String name) {
        Matcher declaration = Pattern.compile("\\binterface\\s+" + name + "\\b[^{]*\\{").matcher(source);
        if (!declaration.find()) {
            return "";
        }
        StringBuilder body = new StringBuilder();
        int depth = 1;
        for (int i = declaration.end(); i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1) {
                body.append(c);
            }
        }
        return body.toString().replaceAll("/\\*(?s).*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private void readExtensionList() {
        Properties list = new Properties();
        try (InputStream in = ServiceSettings.class.getResourceAsStream("/extension-settings.properties")) {
            list.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : list.stringPropertyNames()) {
            int dot = key.indexOf('.');
            String owner = key.substring(0, dot);
            if (owner.equals("all") || owner.equals(service)) {
                String variable = key.substring(dot + 1);
                read.add(variable);
                if (list.getProperty(key).strip().startsWith("required")) {
                    required.add(variable);
                }
            }
        }
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> names = new TreeSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
