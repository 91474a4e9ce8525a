import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().collect { it.path() } == ['/api/v2/accounts/70403/runs/50099999/']

    def log = BuildLog.of(basedir)
    def failed = log.at('ERROR', 'Failed to execute goal')
    assert failed.size() == 1
    def message = failed[0]
    assert message.contains('dbt Cloud could not find run 50099999 (account 70403 at http://127.0.0.1:' + cloud.port() + ')')
    assert message.contains('HTTP 404')
    assert message.contains('Check the run or job id')
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
