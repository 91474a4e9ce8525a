import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty()

    def scan = new ObjectMapper().readTree(new File(basedir, 'target/soda/scan-results.json'))
    def names = scan.path('checks').collect { it.path('name').asText() } as Set
    // orders: its three generic tests (the relationships test also tests customers), not the singular one;
    // source:raw: the tests on both source tables.
    assert names == [
            'unique_orders_order_id',
            'accepted_values_orders_status__placed__shipped__completed__returned',
            'relationships_orders_customer_id__customer_id__ref_customers_',
            'source_unique_raw_customers_id',
            'source_not_null_raw_orders_id'] as Set

    def said = 'Selection: 5 of 9 tests kept, 4 left out; select orders matched 4, source:raw matched 2; ' +
            'exclude test_type:singular removed 1.'
    def log = BuildLog.of(basedir)
    assert log.at('INFO', said).size() == 1
    assert log.at('INFO', 'Not sent: 4 tests left out by select (-Dsoda.select) / exclude (-Dsoda.exclude)').size() == 1
    assert log.at('INFO', 'Dry run: nothing was uploaded to Soda Cloud.').size() == 1
    assert scan.path('logs').collect { it.path('message').asText() }.contains(said)

    assert new File(basedir, 'target/soda/report.html').text.contains('<dt>Selection</dt><dd>5 of 9 tests kept')
    assert new File(basedir, 'target/soda/TEST-dbt.xml').text.contains('name="soda.selection"')
} finally {
    ItCloud.stop(context)
}
