package dev.sodamaven.dbtcloud;

/** What a dbt Cloud fetch found: the artifacts of the run to ingest, or that there is nothing new. */
public sealed interface Fetched permits CloudArtifacts, NothingNew {}
