import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.commands('login').size() == 1
    def uploads = cloud.commands('sodaCoreInsertScanResults')
    assert uploads.size() == 3
    assert (uploads.collect { it.body() }.toSet().size() == 1) : 'every try sends the same body'
    assert cloud.acceptedScans().size() == 1
    assert cloud.schemaErrors().isEmpty()

    def log = BuildLog.of(basedir)
    def retries = log.at('WARNING', 'Soda Cloud scan upload: HTTP 503; trying again in ')
    assert retries.size() == 2
    assert retries[0].endsWith('(attempt 2 of 4)')
    assert retries[1].endsWith('(attempt 3 of 4)')
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    assert log.at('ERROR').isEmpty()
} finally {
    ItCloud.stop(context)
}
