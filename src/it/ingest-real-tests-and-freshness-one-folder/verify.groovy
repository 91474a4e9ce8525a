import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1 : 'the scan is sent before the quality gate fails the build'
    def checks = cloud.acceptedScans()[0].path('checks')
    assert checks.size() == 10
    def tests = checks.findAll { !it.path('identity').asText().startsWith('test.source_freshness.') }
    assert tests.size() == 9
    assert tests.every { it.path('outcome').asText() == 'pass' }
    // dbt Fusion writes the freshness status as "Error": older than error_after, a fail.
    def freshness = checks.find { it.path('identity').asText() == 'test.source_freshness.jaffle_shop.jaffle_shop.orders' }
    assert freshness.path('outcome').asText() == 'fail'
    assert freshness.path('table').asText() == 'orders'
    assert freshness.path('diagnostics').path('value').asLong() == 413998
    assert freshness.path('definition').asText() ==
            'dbt source freshness jaffle_shop.orders on _etl_loaded_at: warn after 24 hour, error after 48 hour'
    assert !cloud.acceptedScans()[0].path('hasErrors').asBoolean()

    assert log.at('INFO').any { it.contains('Source freshness from ') && it.contains('dbt 2.0.0-preview.154') && it.contains('invocation 019d01fa-4afd-7633-a7a8-9706ac0de5a7, 1 result') }
    def warnings = log.at('WARNING')
    assert warnings.any { it.contains('the source freshness results (') && it.contains('were written by different dbt invocations') }
    assert log.at('ERROR').any { it.contains('dbt source freshness jaffle_shop.orders (error)') }
    assert log.contains('BUILD FAILURE')
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
