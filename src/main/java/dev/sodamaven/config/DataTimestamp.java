package dev.sodamaven.config;

/** Which time the scan's data timestamp is. */
public enum DataTimestamp {
    /** The time of the ingestion (Soda Core's behaviour). */
    INGESTION,
    /** The time dbt wrote the run results, i.e. when the tests ran. */
    DBT
}
