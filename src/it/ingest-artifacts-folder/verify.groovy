import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug() : 'this test runs mvn -X, so that zz-secrets-never-leak checks its debug output'

    assert cloud.commands('login').size() == 1
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def scan = cloud.acceptedScans()[0]
    assert scan.path('defaultDataSource').asText() == 'jaffle_shop'
    assert scan.path('definitionName').asText() == 'Ingest - dbt'
    def outcomes = scan.path('checks').collect { it.path('outcome').asText() }.countBy { it }
    assert outcomes == [pass: 7, warn: 1, fail: 1]
    assert scan.path('checks').collect { it.path('identity').asText() }.toSet().size() == 9

    // The file on disk is the upload, token aside.
    def file = new File(basedir, 'target/soda/scan-results.json')
    assert file.isFile()
    def saved = new ObjectMapper().readTree(file)
    def sent = scan.deepCopy()
    sent.remove('token')
    assert saved.equals(sent) : 'target/soda/scan-results.json differs from the uploaded body'

    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud http://127.0.0.1:' + cloud.port()).size() == 1
    assert log.at('INFO', 'Soda Cloud trace id: upload-trace-').size() == 1
    assert log.at('ERROR').isEmpty()
} finally {
    ItCloud.stop(context)
}
