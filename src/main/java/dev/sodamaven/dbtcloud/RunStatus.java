package dev.sodamaven.dbtcloud;

/** dbt Cloud's run (and step) status codes. */
public enum RunStatus {
    QUEUED(1),
    STARTING(2),
    RUNNING(3),
    SUCCESS(10),
    ERROR(20),
    CANCELLED(30),
    UNKNOWN(-1);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    public static RunStatus of(int code) {
        for (RunStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** Finished, whether its tests passed or not. A run whose tests fail ends in ERROR. */
    public boolean finished() {
        return this == SUCCESS || this == ERROR;
    }

    public boolean inProgress() {
        return this == QUEUED || this == STARTING || this == RUNNING;
    }

    public String label() {
        return this == UNKNOWN
                ? "unknown"
                : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
