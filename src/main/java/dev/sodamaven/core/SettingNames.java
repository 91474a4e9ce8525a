package dev.sodamaven.core;

/**
 * How a front end spells a setting for its users, e.g. the Maven goal's {@code dbtCloudAccessUrl
 * (-Dsoda.dbtCloud.accessUrl)}. The core only ever writes {@link Setting#ref()} (and
 * {@link Setting.Goal#ref()}).
 */
@FunctionalInterface
public interface SettingNames {

    String name(Setting setting);

    /** How a user runs {@code goal}. */
    default String goal(Setting.Goal goal) {
        return "the " + goal.id() + " goal";
    }
}
