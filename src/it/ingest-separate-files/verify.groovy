import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert cloud.schemaErrors().isEmpty()
    assert cloud.commands('login').size() == 1
    assert cloud.acceptedScans().size() == 1

    // Three tests across the two files; the relationships test failed in the first run and passed in the retry.
    def checks = cloud.acceptedScans()[0].path('checks')
    def outcomes = checks.collectEntries { [(it.path('name').asText()): it.path('outcome').asText()] }
    assert outcomes == [
            'unique_customers_customer_id'                                 : 'pass',
            'not_null_customers_customer_id'                               : 'pass',
            'relationships_orders_customer_id__customer_id__ref_customers_': 'pass']

    assert log.at('INFO', 'Soda Cloud API key').any { it.contains('[environment variables SODA_API_KEY_ID and SODA_API_KEY_SECRET]') }
    assert log.at('INFO', 'Uploaded 3 checks to Soda Cloud').size() == 1
    assert new File(basedir, 'target/soda/scan-results.json').isFile()
} finally {
    ItCloud.stop(context)
}
