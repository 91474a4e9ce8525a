import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud
import groovy.json.JsonSlurper

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')

    // Two logins, two uploads, two scans: each module's own, whole.
    assert cloud.commands('login').size() == 2
    assert cloud.commands('sodaCoreInsertScanResults').size() == 2
    def scans = cloud.acceptedScans().collectEntries { [(it.path('definitionName').asText()): it] }
    assert scans.keySet() == ['Ingest - orders', 'Ingest - customers'] as Set
    def names = { scan -> scan.path('checks').collect { it.path('name').asText() } as Set }
    def relationships = 'relationships_orders_customer_id__customer_id__ref_customers_'
    assert names(scans['Ingest - orders']) == ['unique_orders_order_id',
            'accepted_values_orders_status__placed__shipped__completed__returned', relationships,
            'assert_order_amount_is_positive'] as Set
    assert names(scans['Ingest - customers']) == ['unique_customers_customer_id',
            'not_null_customers_customer_id', relationships] as Set

    // Each module wrote its own scan-results.json, the body it uploaded.
    ['orders', 'customers'].each { module ->
        def file = new File(basedir, "target/module-${module}/soda/scan-results.json")
        assert file.isFile()
        def written = new JsonSlurper().parse(file)
        assert written.definitionName == 'Ingest - ' + module
        assert (written.checks.collect { it.name } as Set) == names(scans['Ingest - ' + module])
    }
    assert log.at('INFO').count { it.startsWith('Uploaded 4 checks to Soda Cloud') && it.contains("as scan 'Ingest - orders'") } == 1
    assert log.at('INFO').count { it.startsWith('Uploaded 3 checks to Soda Cloud') && it.contains("as scan 'Ingest - customers'") } == 1
    assert log.at('ERROR').isEmpty()
    assert log.at('WARNING').isEmpty()

    // Both uploads are in the one ledger they shared, neither lost to the other's write.
    def ledger = new JsonSlurper().parse(new File(ItCloud.userProperties(context).getProperty('soda.ledger')))
    assert (ledger.sent.collect { it.scanDefinition } as Set) == ['Ingest - orders', 'Ingest - customers'] as Set
    assert ledger.sent.size() == 2
} finally {
    ItCloud.stop(context)
}
