package dev.sodamaven.core;

/**
 * How a front end spells a setting for its users, e.g. the Maven goal's {@code dbtCloudAccessUrl
 * (-Dsoda.dbtCloud.accessUrl)}. The core only ever writes {@link Setting#ref()}.
 */
@FunctionalInterface
public interface SettingNames {

    String name(Setting setting);

    /** The bare parameter name: for texts that have no front end (tests, tools). */
    SettingNames PARAMETER = Setting::parameter;
}
