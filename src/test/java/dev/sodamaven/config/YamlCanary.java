package dev.sodamaven.config;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class a YAML tag can name: it counts its constructions, so a test can prove that reading a
 * configuration file never constructs an object from a tag.
 */
public final class YamlCanary {

    static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    public YamlCanary() {
        CONSTRUCTED.incrementAndGet();
    }

    public YamlCanary(String ignored) {
        this();
    }
}
