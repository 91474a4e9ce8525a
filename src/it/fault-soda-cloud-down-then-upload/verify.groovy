import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

// After the second build: soda:upload sent the saved file as it is.
def cloud = ItCloud.get(context)
try {
    assert cloud.commands('login').size() == 1
    assert cloud.acceptedScans().size() == 1
    assert cloud.schemaErrors().isEmpty()
    def sent = cloud.acceptedScans()[0].deepCopy()
    sent.remove('token')
    def saved = new ObjectMapper().readTree(new File(basedir, 'target/soda/scan-results.json'))
    assert saved.equals(sent) : 'soda:upload must send the saved scan results unchanged'

    def log = BuildLog.of(basedir)
    assert log.at('INFO', 'Uploaded 9 checks from ').size() == 1
    // Both goals print where their settings came from, in the same table.
    assert log.at('INFO', 'Settings (from: ').size() == 2
    assert log.contains('BUILD SUCCESS')
} finally {
    ItCloud.stop(context)
}
