package dev.sodamaven.config;

/** The quality gate: which test outcomes fail the build (after the upload). */
public enum FailOn {
    /** Never (default): test outcomes are reported, not enforced. */
    NONE,
    /** A test that ended in error. */
    ERROR,
    /** A failed or errored test. */
    FAIL,
    /** A warning, failed or errored test. */
    WARN
}
