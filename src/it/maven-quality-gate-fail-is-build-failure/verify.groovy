import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    // The gate is applied after the upload: Soda Cloud has all 9 results, the failing one included.
    assert cloud.acceptedScans().size() == 1
    assert cloud.acceptedScans()[0].path('checks').size() == 9

    def log = BuildLog.of(basedir)
    def failing = 'relationships_orders_customer_id__customer_id__ref_customers_'
    def uploaded = log.at('INFO', 'Uploaded 9 checks to Soda Cloud')
    assert uploaded.size() == 1

    assert log.contains('[INFO] BUILD FAILURE')
    def failures = log.at('ERROR', 'Failed to execute goal dev.sodamaven:soda-maven-plugin:')
    assert failures.size() == 1
    def failure = failures[0]
    assert failure.contains(':ingest (default) on project maven-quality-gate-fail-is-build-failure: '
            + 'Quality gate failOn=fail: 1 dbt test did not pass: ' + failing + ' (fail).')
    assert failure.contains('The results were uploaded to Soda Cloud.')
    // The warning (accepted_values) passes failOn=fail and is not named.
    assert !failure.contains('accepted_values')
    assert log.text().indexOf(uploaded[0]) < log.text().indexOf(failure)

    // Maven prints BUILD FAILURE for a failure and for an error alike; what tells them apart is the help
    // link it names after the message: MojoFailureException (the project failed a check, here the gate)
    // rather than MojoExecutionException (the goal could not do its work).
    assert log.at('ERROR').contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException')
    assert !log.contains('MojoExecutionException')
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
