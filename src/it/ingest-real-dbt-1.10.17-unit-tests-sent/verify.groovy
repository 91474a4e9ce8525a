import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    def checks = cloud.acceptedScans()[0].path('checks')
    assert checks.size() == 4
    assert checks.every { it.path('identity').asText().startsWith('test.unit_test.') }
    assert checks.every { it.path('name').asText().startsWith('dbt unit test ') }
    assert checks.every { it.path('table').asText() == 'fct_flights' }
    assert checks.collect { it.path('outcome').asText() }.countBy { it } == [pass: 4]
    assert BuildLog.of(basedir).stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
