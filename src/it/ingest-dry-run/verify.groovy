import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty()

    def file = new File(basedir, 'target/soda/scan-results.json')
    assert file.isFile()
    def scan = new ObjectMapper().readTree(file)
    assert scan.path('type').asText() == 'sodaCoreInsertScanResults'
    assert scan.path('checks').size() == 9
    assert !scan.has('token')

    def log = BuildLog.of(basedir)
    assert log.at('INFO', 'Dry run: nothing was uploaded to Soda Cloud.').size() == 1
    assert log.at('INFO', 'Scan results written to ').size() == 1
    assert log.at('INFO', 'Uploaded').isEmpty()
} finally {
    ItCloud.stop(context)
}
