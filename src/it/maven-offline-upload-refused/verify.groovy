import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty() : 'an offline build called Soda Cloud: ' + cloud.requests().collect { it.method() + ' ' + it.path() }
    def log = BuildLog.of(basedir)
    assert log.contains('[INFO] BUILD FAILURE')
    def failure = log.at('ERROR', 'Failed to execute goal dev.sodamaven:soda-maven-plugin:')
    assert failure.size() == 1
    assert failure[0].contains('Maven runs offline (-o), so the plugin cannot reach Soda Cloud or dbt Cloud.')
    assert failure[0].contains('dryRun (-Dsoda.dryRun) to true')
    assert failure[0].contains('scan-results.json')
    assert log.at('ERROR').contains('[Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoExecutionException')
    assert log.stackTraceLines().isEmpty()
    assert new File(basedir, 'target/soda/scan-results.json').isFile()
} finally {
    ItCloud.stop(context)
}
