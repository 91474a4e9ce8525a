package dev.sodamaven;

import dev.sodamaven.config.FailOn;
import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Setting;
import dev.sodamaven.soda.CheckResult;
import dev.sodamaven.soda.SodaCheck;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The quality gate ({@code failOn}): which checks, if any, fail the build. Decided once per run from
 * the checks alone; whether the results reached Soda Cloud only changes what the failure says.
 */
final class QualityGate {

    private static final int NAMES_SHOWN = 5;

    /**
     * The checks that failed the gate.
     *
     * @param failOn    the policy
     * @param offending the checks it did not let pass, at least one
     */
    record Failure(FailOn failOn, List<SodaCheck> offending) {

        /** The build failure, saying whether the results were uploaded first. */
        IngestException problem(boolean uploaded) {
            return new IngestException(
                    IngestException.Kind.QUALITY_GATE,
                    message(),
                    (uploaded ? "The results were uploaded to Soda Cloud. " : "") + HINT);
        }

        /** The build failure when the upload failed too: the gate must not hide behind it, nor it behind the gate. */
        IngestException problem(IngestException uploadFailed) {
            IngestException problem = new IngestException(
                    IngestException.Kind.QUALITY_GATE,
                    message() + " The upload to Soda Cloud failed too: " + uploadFailed.getMessage(),
                    uploadFailed.hint(),
                    uploadFailed);
            return uploadFailed
                    .keptScanResults()
                    .map(problem::withKeptScanResults)
                    .orElse(problem);
        }

        private String message() {
            String names = offending.stream()
                    .limit(NAMES_SHOWN)
                    .map(check -> check.name() + " (" + check.dbtStatus() + ")")
                    .collect(Collectors.joining(", "));
            String more = offending.size() > NAMES_SHOWN ? " and " + (offending.size() - NAMES_SHOWN) + " more" : "";
            return "Quality gate " + Setting.FAIL_ON.parameter() + "="
                    + failOn.name().toLowerCase(Locale.ROOT) + ": "
                    + offending.size() + " dbt " + (offending.size() == 1 ? "test" : "tests") + " did not pass: "
                    + names + more + ".";
        }
    }

    private static final String HINT =
            "Fix the tests, or set " + Setting.FAIL_ON.ref() + " to none to report without failing the build.";

    private QualityGate() {}

    /** The gate's verdict on {@code checks}: empty when they pass it. */
    static Optional<Failure> judge(FailOn failOn, List<SodaCheck> checks) {
        List<SodaCheck> offending = checks.stream()
                .filter(check -> fails(failOn, CheckResult.of(check)))
                .toList();
        return offending.isEmpty() ? Optional.empty() : Optional.of(new Failure(failOn, offending));
    }

    private static boolean fails(FailOn failOn, CheckResult result) {
        return switch (failOn) {
            case NONE -> false;
            case ERROR -> result == CheckResult.ERROR;
            case FAIL -> result == CheckResult.ERROR || result == CheckResult.FAIL;
            case WARN -> result != CheckResult.PASS;
        };
    }
}
