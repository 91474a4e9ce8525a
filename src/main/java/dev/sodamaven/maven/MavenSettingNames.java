package dev.sodamaven.maven;

import dev.sodamaven.core.Setting;
import dev.sodamaven.core.SettingNames;

/** A setting the way a Maven user writes it: the POM parameter and its user property. */
public final class MavenSettingNames implements SettingNames {

    public static final MavenSettingNames INSTANCE = new MavenSettingNames();

    private MavenSettingNames() {}

    /** {@code dbtCloudAccessUrl (-Dsoda.dbtCloud.accessUrl)}. */
    @Override
    public String name(Setting setting) {
        return setting.parameter() + " (-D" + setting.property() + ")";
    }

    /** {@code mvn soda:ingest}. */
    @Override
    public String goal(Setting.Goal goal) {
        return "mvn soda:" + goal.id();
    }
}
