import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()

    def downloads = cloud.requests().findAll { it.path().contains('/artifacts/') }
    // The build step's files, never the last step's (the docs generation), asked for with or without step=5.
    assert downloads.every { it.query().step == '4' }
    assert downloads.collect { it.path().tokenize('/').last() }.toSet() == ['run_results.json', 'manifest.json'] as Set

    assert cloud.acceptedScans().size() == 1
    def checks = cloud.acceptedScans()[0].path('checks')
    assert checks.size() == 9
    assert checks.collect { it.path('outcome').asText() }.countBy { it } == [pass: 7, warn: 1, fail: 1]

    assert log.at('INFO').any { it.contains('Not ingested: step 5 (`dbt docs generate`)') }
    assert log.at('INFO').any { it.contains('dbt Cloud API token') && it.contains('environment variable DBT_CLOUD_API_TOKEN') }
} finally {
    ItCloud.stop(context)
}
