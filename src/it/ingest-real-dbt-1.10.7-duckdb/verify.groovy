import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.validatesSchema()
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def scan = cloud.acceptedScans()[0]
    def checks = scan.path('checks')
    assert checks.size() == 79
    assert checks.collect { it.path('outcome').asText() }.countBy { it } == [pass: 77, fail: 2]
    assert scan.path('hasErrors').asBoolean()
    assert scan.path('hasFailures').asBoolean()
    assert !scan.path('hasWarnings').asBoolean()

    def logs = scan.path('logs')
    // One of the two failing checks was a dbt error, reported as an error log of the scan.
    def errorLogs = logs.findAll { it.path('level').asText() == 'error' }
    assert errorLogs.size() == 1
    assert errorLogs[0].path('message').asText().contains('ended in error')
    assert logs.any { it.path('message').asText() == '43 tests were skipped by dbt and are not sent.' }

    def log = BuildLog.of(basedir)
    assert log.at('INFO', 'Uploaded 79 checks to Soda Cloud').size() == 1
} finally {
    ItCloud.stop(context)
}
