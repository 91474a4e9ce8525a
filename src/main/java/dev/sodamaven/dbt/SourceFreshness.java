package dev.sodamaven.dbt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sources.json (written by {@code dbt source freshness}) holds that matters for ingestion.
 *
 * @param metadata the file's metadata
 * @param results  one result per source table, in file order
 * @param warnings oddities found while reading
 */
public record SourceFreshness(ArtifactMetadata metadata, List<FreshnessResult> results, List<String> warnings) {

    public SourceFreshness {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    /**
     * Several sources.json as one (the freshness steps of a dbt Cloud run): a source checked more than once
     * keeps its latest result; the metadata is the last part's.
     */
    public static SourceFreshness merge(List<SourceFreshness> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, FreshnessResult> latest = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (SourceFreshness part : parts) {
            for (FreshnessResult result : part.results()) {
                latest.remove(result.uniqueId());
                latest.put(result.uniqueId(), result);
            }
            warnings.addAll(part.warnings());
        }
        return new SourceFreshness(parts.get(parts.size() - 1).metadata(), new ArrayList<>(latest.values()), warnings);
    }
}
