import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    def failed = log.at('ERROR', 'Failed to execute goal')
    assert failed.size() == 1
    assert failed[0].contains('dbt Cloud download of run_results.json of run 50012345 step 4')
    assert failed[0].contains('larger than the download limit of 1 MiB, counted as written to disk')
    assert failed[0].contains('raise maxDownloadSize (-Dsoda.http.maxDownloadSize)')
    assert log.stackTraceLines().isEmpty()

    // The download was asked for once (not retried), and nothing of it is left: no file, no temp file.
    def downloads = cloud.requests().findAll { it.path().endsWith('/artifacts/run_results.json') }
    assert downloads.size() == 1
    def step = new File(basedir, 'target/soda/dbt-cloud/run-50012345/step-4')
    def left = step.exists() ? step.listFiles().toList() : []
    assert left.isEmpty() : "files left after a refused download: $left"

    assert cloud.requests().findAll { !it.path().startsWith('/api/v2/') }.isEmpty() : 'nothing may reach Soda Cloud'
    assert !new File(basedir, 'target/soda/scan-results.json').exists()
} finally {
    ItCloud.stop(context)
}
