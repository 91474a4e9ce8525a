package dev.sodamaven.maven;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.core.Outbound;
import dev.sodamaven.core.Setting;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Ends a goal whose run failed, the way Maven users expect: a failed quality gate is a build failure
 * ({@link MojoFailureException}); any other problem is a build error ({@link MojoExecutionException}),
 * or only a warning when {@code failOnError} is false. The message is one line that says what to do;
 * it has passed the run's {@link Outbound}, and so has the cause kept for {@code -e}: rendered, masked
 * and, since Maven prints it in the build log, on one line whatever a server or file put into it.
 */
final class FailureReport {

    private final Outbound outbound;
    private final Log log;

    FailureReport(Outbound outbound, Log log) {
        this.outbound = outbound;
        this.log = log;
    }

    void end(IngestException problem, boolean failOnError) throws MojoExecutionException, MojoFailureException {
        IngestException shown = outbound.problem(problem);
        String message = shown.describe()
                + shown.keptScanResults()
                        .map(file -> outbound.line(" The scan results are saved in " + file + "; send them again with: "
                                + "mvn soda:upload -D" + Setting.SCAN_RESULTS.property() + "=" + file))
                        .orElse("");
        if (problem.kind() == IngestException.Kind.QUALITY_GATE) {
            throw new MojoFailureException(message, shown);
        }
        if (!failOnError) {
            log.warn(message);
            log.warn(outbound.line("The build goes on because " + Setting.FAIL_ON_ERROR.ref() + " is false."));
            return;
        }
        throw new MojoExecutionException(message, shown);
    }
}
