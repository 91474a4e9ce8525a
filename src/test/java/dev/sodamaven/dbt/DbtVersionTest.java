package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** dbt versions as artifacts write them: releases, Python pre-releases and dbt Fusion's previews. */
class DbtVersionTest {

    @Test
    void preReleasesAreReadAsPreReleasesOfTheirVersion() {
        assertThat(DbtVersion.parse("1.12.0b3")).contains(new DbtVersion(1, 12, 0, "b3"));
        assertThat(DbtVersion.parse("1.11.0rc3")).contains(new DbtVersion(1, 11, 0, "rc3"));
        assertThat(DbtVersion.parse("1.5.0rc1")).contains(new DbtVersion(1, 5, 0, "rc1"));
        assertThat(DbtVersion.parse("2.0.0-preview.200")).contains(new DbtVersion(2, 0, 0, "preview.200"));
        assertThat(DbtVersion.parse("1.12.0b3").orElseThrow().isPreRelease()).isTrue();
        assertThat(DbtVersion.parse("1.10.7")).contains(new DbtVersion(1, 10, 7, ""));
        assertThat(DbtVersion.parse("1.10.7").orElseThrow().isPreRelease()).isFalse();
    }

    @Test
    void somethingElseIsNoVersion() {
        assertThat(DbtVersion.parse(null)).isEmpty();
        assertThat(DbtVersion.parse("")).isEmpty();
        assertThat(DbtVersion.parse("latest")).isEmpty();
        assertThat(DbtVersion.parse("99999999999.1.0")).isEmpty();
    }

    @Test
    void onlyTheReleaseLineDecidesWhatIsOlderThan019() {
        assertThat(DbtVersion.parse("0.18.1").orElseThrow().isOlderThan(DbtVersion.OLDEST_SUPPORTED))
                .isTrue();
        assertThat(DbtVersion.parse("0.9.9").orElseThrow().isOlderThan(DbtVersion.OLDEST_SUPPORTED))
                .isTrue();
        assertThat(DbtVersion.parse("0.19.0rc1").orElseThrow().isOlderThan(DbtVersion.OLDEST_SUPPORTED))
                .isFalse();
        assertThat(DbtVersion.parse("0.21.0").orElseThrow().isOlderThan(DbtVersion.OLDEST_SUPPORTED))
                .isFalse();
        assertThat(DbtVersion.parse("1.0.0").orElseThrow().isOlderThan(DbtVersion.OLDEST_SUPPORTED))
                .isFalse();
    }
}
