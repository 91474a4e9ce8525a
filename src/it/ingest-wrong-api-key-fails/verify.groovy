import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.commands('login').size() == 1
    assert cloud.commands('sodaCoreInsertScanResults').isEmpty()
    assert cloud.acceptedScans().isEmpty()

    def file = new File(basedir, 'target/soda/scan-results.json')
    assert file.isFile()

    def log = BuildLog.of(basedir)
    def failed = log.at('ERROR', 'Failed to execute goal')
    assert failed.size() == 1
    def message = failed[0]
    assert message.contains('rejected the API key (HTTP 401')
    assert message.contains('plugin parameter apiKeyId')
    assert message.contains('mvn soda:upload -Dsoda.scanResults=' + file.path)
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
