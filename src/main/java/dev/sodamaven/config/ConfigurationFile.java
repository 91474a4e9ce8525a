package dev.sodamaven.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Soda configuration.yml says that ingestion uses.
 *
 * @param path        the file
 * @param dataSources the names declared with {@code data_source <name>:}, in file order
 * @param sodaCloud   the {@code soda_cloud:} values by key (host, port, scheme, api_key_id, api_key_secret)
 * @param dbtCloud    the {@code dbt_cloud:} values by key (api_token, account_id, access_url)
 * @param warnings    things worth telling the user (unset variables, ignored keys)
 */
public record ConfigurationFile(
        Path path,
        Set<String> dataSources,
        Map<String, ConfigValue> sodaCloud,
        Map<String, ConfigValue> dbtCloud,
        List<String> warnings) {

    public ConfigurationFile {
        dataSources = Collections.unmodifiableSet(new LinkedHashSet<>(dataSources)); // file order, for messages
        sodaCloud = Map.copyOf(sodaCloud);
        dbtCloud = Map.copyOf(dbtCloud);
        warnings = List.copyOf(warnings);
    }

    public Optional<ConfigValue> sodaCloud(String key) {
        return Optional.ofNullable(sodaCloud.get(key));
    }

    public Optional<ConfigValue> dbtCloud(String key) {
        return Optional.ofNullable(dbtCloud.get(key));
    }

    /** The value of a key written as its path, e.g. {@code soda_cloud.host}. */
    public Optional<ConfigValue> value(String path) {
        int dot = path.indexOf('.');
        String block = path.substring(0, dot);
        String key = path.substring(dot + 1);
        return block.equals("soda_cloud")
                ? sodaCloud(key)
                : block.equals("dbt_cloud") ? dbtCloud(key) : Optional.empty();
    }
}
