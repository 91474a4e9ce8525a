import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def scan = cloud.acceptedScans()[0]
    def checks = scan.path('checks')
    assert checks.collect { it.path('identity').asText() }.sort() == [
            'test.source_freshness.jaffle_shop.jaffle_shop.orders',
            'test.source_freshness.jaffle_shop.stripe.payments']

    def orders = checks.find { it.path('table').asText() == 'orders' }
    assert orders.path('outcome').asText() == 'warn'
    assert orders.path('diagnostics').path('value').asLong() == 57600
    assert orders.path('name').asText() == 'dbt source freshness jaffle_shop.orders'
    assert orders.path('definition').asText() ==
            'dbt source freshness jaffle_shop.orders on _etl_loaded_at: warn after 12 hour, error after 48 hour'
    assert orders.path('location').path('filePath').asText() == 'models/staging/jaffle_shop/src_jaffle_shop.yml'

    // The freshness query failed: a fail whose error is in the scan's logs, and hasErrors.
    def payments = checks.find { it.path('table').asText() == 'payments' }
    assert payments.path('outcome').asText() == 'fail'
    assert scan.path('hasErrors').asBoolean()
    assert scan.path('hasWarnings').asBoolean()
    def errors = scan.path('logs').findAll { it.path('level').asText() == 'error' }.collect { it.path('message').asText() }
    assert errors.size() == 1
    assert errors[0].startsWith('dbt source freshness stripe.payments on payments ended in a runtime error: Runtime Error in source payments')

    assert log.at('INFO').any { it.contains('Source freshness from ') && it.contains('sources.json: dbt 1.0.1, written 2022-01-05T21:55:01.748767Z, invocation a23b8ff8-1302-40b5-91d4-8c060359bf8a, 2 results') }
    assert log.at('INFO').any { it.contains('dbt run results') && it.contains('none (source freshness only)') }
    assert log.at('INFO').any { it.contains('Of which source freshness: 2 (1 warn, 1 error)') }
    assert log.at('WARNING').isEmpty() : 'manifest and sources.json come from one invocation'

    def junit = new File(basedir, 'target/soda/TEST-dbt.xml').text
    assert junit.contains('dbt source freshness jaffle_shop.orders')
    assert junit.contains('16 h 0 min old (57600 s)')
    def html = new File(basedir, 'target/soda/report.html').text
    assert html.contains('dbt source freshness stripe.payments')
    assert BuildLog.of(basedir).stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
