package org.borderwatch.classifier.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderwatch.classifier.config.ClassifierProperties;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The replay command's plain-Java keys against the service's Spring configuration: same names, same defaults (the
 * service's own application.yml bound through Spring), same values allowed.
 */
class SettingKeysTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    /** The service's application.yml as Spring reads it. */
    private static MutablePropertySources applicationYml() throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> s : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            sources.addLast(s);
        }
        return sources;
    }

    /** Every leaf of a bound ClassifierProperties, by its name in configuration (camelCase → kebab-case). */
    private static Map<String, Object> leaves(String prefix, Record record) throws Exception {
        Map<String, Object> into = new TreeMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            Object value = c.getAccessor().invoke(record);
            if (value instanceof Record nested) {
                into.putAll(leaves(name, nested));
            } else {
                into.put(name, value);
            }
        }
        return into;
    }

    @Test
    void theServicesApplicationYmlBoundThroughSpringGivesEveryDefaultOfTheCommand() throws Exception {
        MutablePropertySources sources = applicationYml();
        ClassifierProperties bound = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources)).bindOrCreate("classifier",
                ClassifierProperties.class);
        Map<String, Object> service = leaves("classifier", bound);

        List<String> commandKeys = new ArrayList<>();
        for (SettingKeys.Key key : SettingKeys.all()) {
            commandKeys.add(key.name());
            Object commandDefault = key.read(key.defaultValue());
            if (key.name().equals("classifier.application-id")) {
                // not a field of ClassifierProperties: application.yml hands it to the Kafka Streams binder
                Object appId = new PropertySourcesPlaceholdersResolver(sources).resolvePlaceholders(
                        findAppId(sources));
                assertThat(appId).as(key.name()).isEqualTo(commandDefault);
                continue;
            }
            assertThat(service).as("the service has %s", key.name()).containsKey(key.name());
            assertThat(service.get(key.name())).as(key.name()).isEqualTo(commandDefault);
        }
        assertThat(commandKeys).as("the command knows every key of the service").containsAll(service.keySet());
        assertThat(bound.toSettings()).isEqualTo(SettingKeys.settings(Map.of()))
                .isEqualTo(ClassifierSettings.defaults());
    }

    private static Object findAppId(MutablePropertySources sources) {
        for (PropertySource<?> s : sources) {
            Object v = s.getProperty("spring.cloud.stream.kafka.streams.binder.application-id");
            if (v != null) {
                return v;
            }
        }
        throw new AssertionError("application.yml sets no Kafka Streams application id");
    }

    /** Whether the service starts with {@code name=value}: Spring binding, bean validation, the settings records. */
    private static boolean serviceAccepts(String name, String value) {
        try {
            ClassifierProperties p = new Binder(new MapConfigurationPropertySource(Map.of(name, value)))
                    .bindOrCreate("classifier", Bindable.of(ClassifierProperties.class),
                            new ValidationBindHandler(new NoUnboundElementsBindHandler(BindHandler.DEFAULT),
                                    new SpringValidatorAdapter(VALIDATION.getValidator())));
            p.toSettings();
            p.toTopology();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean commandAccepts(String name, String value) {
        try {
            SettingKeys.check(name, value, "test");
            SettingKeys.settings(Map.of(SettingKeys.find(name).orElseThrow().name(), value));
            return true;
        } catch (SettingKeys.SettingException e) {
            return false;
        }
    }

    private static List<String> probes(SettingKeys.Kind kind) {
        return switch (kind) {
            case DURATION -> List.of("PT6H", "P5D", "p5d", "90m", "6h", "7D", "3600000", "500ms", "0", "PT0S", "-PT1H",
                    "-1", "+2h", "P1W", "6 h", "abc", "PT");
            case INTEGER -> List.of("1", "2", "3", "17", "0", "-1", "0x10", "3.5", "x");
            case DECIMAL -> List.of("0", "0.005", "0.01", "0.6", "1", "1.0", "1.5", "2", "-1", "1e1", "x");
            case TEXT -> List.of("border.reports.normalized", "x", "  ");
        };
    }

    @Test
    void everyKeyAllowsWhatTheServiceAllows() {
        List<String> checked = new ArrayList<>();
        for (SettingKeys.Key key : SettingKeys.all()) {
            if (key.name().equals("classifier.application-id")) {
                continue;
            }
            for (String value : probes(key.kind())) {
                assertThat(commandAccepts(key.name(), value)).as("%s=%s", key.name(), value)
                        .isEqualTo(serviceAccepts(key.name(), value));
                checked.add(key.name() + "=" + value);
            }
        }
        assertThat(checked).hasSizeGreaterThan(200);
        // a few that must be refused, so the comparison above is not vacuous
        assertThat(commandAccepts("classifier.quiet-period", "PT0S")).isFalse();
        assertThat(commandAccepts("classifier.session-gap", "PT0S")).isTrue();
        assertThat(commandAccepts("classifier.signals.spread-segments", "1")).isFalse();
        assertThat(commandAccepts("classifier.signals.uncorroborated-share", "1.5")).isFalse();
    }

    @Test
    void durationsAreReadAsSpringReadsThem() {
        for (String text : List.of("PT6H", "P7D", "p7d", "90m", "6h", "7d", "7D", "3600000", "500ms", "10s", "3us",
                "5ns", "-PT1H", "+2h")) {
            assertThat(SettingKeys.parseDuration(text)).as(text).isEqualTo(DurationStyle.detectAndParse(text));
        }
    }

    @Test
    void relaxedNamesAreTheOnesSpringAcceptsInAFile() {
        for (String name : List.of("classifier.signals.surge-window", "classifier.signals.surgeWindow",
                "classifier.signals.surge_window", "Classifier.Signals.SURGE-WINDOW")) {
            assertThat(SettingKeys.find(name)).as(name).get()
                    .extracting(SettingKeys.Key::name).isEqualTo("classifier.signals.surge-window");
            assertThat(serviceAccepts(name, "P5D")).as("Spring binds %s", name).isTrue();
        }
        assertThat(SettingKeys.settings(Map.of("classifier.signals.surge-window", "P5D")).signals().surgeWindow())
                .isEqualTo(Duration.ofDays(5));
    }

    @Test
    void anUnknownKeyOrARefusedValueNamesTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> SettingKeys.check("classifier.signals.claim-surge.window", "P5D", "--set"))
                .isInstanceOf(SettingKeys.SettingException.class)
                .hasMessageContaining("unknown key 'classifier.signals.claim-surge.window'")
                .hasMessageContaining("classifier.signals.surge-window");
        assertThatThrownBy(() -> SettingKeys.check("classifier.severity.critical-heavy-signals", "1", "app.yml"))
                .hasMessage("app.yml: classifier.severity.critical-heavy-signals=1 is not allowed: a whole number "
                        + "of at least 2");
        assertThatThrownBy(() -> SettingKeys.check("spring.kafka.bootstrap-servers", "x", "--set"))
                .hasMessageContaining("only classifier.* keys are settings");
    }
}
