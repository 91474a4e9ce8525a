package dev.sodamaven.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wildcards as dbt's fnmatch (names) and pathlib glob (paths) read them. */
class GlobTest {

    @Test
    void namesMatchLikeFnmatch() {
        assertThat(Glob.name("unique_*").matches("unique_orders_id")).isTrue();
        assertThat(Glob.name("unique_*").matches("not_unique")).isFalse();
        assertThat(Glob.name("*").matches("a.b/c")).isTrue();
        assertThat(Glob.name("tag?").matches("tag1")).isTrue();
        assertThat(Glob.name("tag?").matches("tag12")).isFalse();
        assertThat(Glob.name("v[0-9]").matches("v7")).isTrue();
        assertThat(Glob.name("v[!0-9]").matches("v7")).isFalse();
        assertThat(Glob.name("v[!0-9]").matches("vx")).isTrue();
        // Regex characters and letters in classes are plain: "[d]" is the letter d, not a digit class.
        assertThat(Glob.name("a.b").matches("axb")).isFalse();
        assertThat(Glob.name("[d]").matches("d")).isTrue();
        assertThat(Glob.name("[d]").matches("1")).isFalse();
        assertThat(Glob.name("(x)+").matches("(x)+")).isTrue();
        // An unclosed bracket is a plain character.
        assertThat(Glob.name("a[b").matches("a[b")).isTrue();
        // Case-sensitive, as on Linux.
        assertThat(Glob.name("Orders").matches("orders")).isFalse();
        assertThat(Glob.name("x").matches(null)).isFalse();
    }

    @Test
    void pathsKeepAStarWithinOneFolder() {
        assertThat(Glob.path("models/*").matches("models/staging")).isTrue();
        assertThat(Glob.path("models/*").matches("models/staging/a.sql")).isFalse();
        assertThat(Glob.path("models/**/*.sql").matches("models/a/b/c.sql")).isTrue();
        assertThat(Glob.path("models/**/*.sql").matches("models/c.sql")).isTrue();
        assertThat(Glob.path("models/**").matches("models/a/b")).isTrue();
        assertThat(Glob.path("models/?.sql").matches("models/a.sql")).isTrue();
        assertThat(Glob.path("models/?.sql").matches("models//.sql")).isFalse();
    }

    @Test
    void wildcardsAreRecognised() {
        assertThat(Glob.hasWildcard("stg_*")).isTrue();
        assertThat(Glob.hasWildcard("v[12]")).isTrue();
        assertThat(Glob.hasWildcard("orders")).isFalse();
    }
}
