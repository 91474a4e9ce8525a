package dev.sodamaven.dbtcloud;

/**
 * A job's latest finished run is older than the age the user accepts: it was ingested on an earlier
 * schedule tick, so nothing is downloaded or sent, and the build succeeds.
 *
 * @param reason one line for the build log: which run, when it finished, and the limit
 */
public record NothingNew(String reason) implements Fetched {}
