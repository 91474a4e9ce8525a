import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().size() == 1 : 'one refused dbt Cloud call, no retry, nothing sent to Soda Cloud'
    assert cloud.requests()[0].path() == '/api/v2/accounts/70403/runs/50012345/'

    def log = BuildLog.of(basedir)
    def failed = log.at('ERROR', 'Failed to execute goal')
    assert failed.size() == 1
    def message = failed[0]
    assert message.contains('dbt Cloud rejected the API token (HTTP 401: Invalid token.)')
    assert message.contains('run 50012345')
    assert message.contains('plugin parameter dbtCloudApiToken')
    assert log.stackTraceLines().isEmpty()
    assert !new File(basedir, 'target/soda/scan-results.json').exists()
} finally {
    ItCloud.stop(context)
}
