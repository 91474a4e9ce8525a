import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud
import groovy.json.JsonSlurper

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty()

    def log = BuildLog.of(basedir)
    assert log.contains('[INFO] BUILD SUCCESS')
    assert log.at('INFO', 'Dry run: nothing was uploaded to Soda Cloud.').size() == 1
    assert log.at('WARNING').isEmpty()
    def results = new JsonSlurper().parse(new File(basedir, 'target/soda/scan-results.json'))
    assert results.checks.size() == 9
    assert new File(basedir, 'target/soda/TEST-dbt.xml').isFile()
    assert new File(basedir, 'target/soda/report.html').isFile()
} finally {
    ItCloud.stop(context)
}
