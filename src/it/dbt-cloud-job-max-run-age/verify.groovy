import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    def nothing = log.at('INFO', 'Nothing new to ingest: the latest finished run of job 412233, dbt Cloud run 1001')
    assert nothing.size() == 1
    assert nothing[0].endsWith('longer than dbtCloudMaxRunAge (-Dsoda.dbtCloud.maxRunAge) (PT1H); nothing was sent.')
    assert log.at('INFO', 'BUILD SUCCESS').size() == 1

    // The job's runs were listed and the run read; nothing was downloaded, nothing reached Soda Cloud.
    assert cloud.requests().every { it.path().startsWith('/api/v2/') }
    assert cloud.requests().findAll { it.path().contains('/artifacts/') }.isEmpty()
    assert !new File(basedir, 'target/soda/scan-results.json').exists()
    assert !new File(basedir, 'target/soda/dbt-cloud').exists()
} finally {
    ItCloud.stop(context)
}
