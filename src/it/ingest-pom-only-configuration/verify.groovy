import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert cloud.commands('login').size() == 1
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def scan = cloud.acceptedScans()[0]
    assert scan.path('definitionName').asText() == 'Nightly dbt build'
    // dataTimestamp=dbt: the run results' generated_at, not the time of the build.
    assert scan.path('dataTimestamp').asText() == '2026-11-20T06:00:05+00:00'
    assert scan.path('checks').size() == 9

    assert new File(basedir, 'target/quality/scan-results.json').isFile()
    assert !new File(basedir, 'target/soda').exists()
    assert log.at('INFO', 'Soda Cloud API key').any { it.contains('plugin parameter apiKeyId') }
    assert !log.isDebug()
} finally {
    ItCloud.stop(context)
}
