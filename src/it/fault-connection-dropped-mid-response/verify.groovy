import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().findAll { it.path().endsWith('/artifacts/manifest.json') }.size() == 2
    assert cloud.commands('login').size() == 2
    assert cloud.commands('sodaCoreInsertScanResults').size() == 1
    assert cloud.acceptedScans().size() == 1
    assert cloud.acceptedScans()[0].path('checks').size() == 9

    // The half-received download never became the file that was read.
    def manifest = new File(basedir, 'target/soda/dbt-cloud/run-50012345/step-2/manifest.json')
    assert manifest.length() == new File(exampleArtifacts, 'manifest.json').length()
    assert !manifest.parentFile.listFiles().any { it.name.endsWith('.part') } : 'no partial download is left'

    def log = BuildLog.of(basedir)
    def warnings = log.at('WARNING')
    assert warnings.size() == 2
    assert warnings.any { it.startsWith('dbt Cloud download of manifest.json of run 50012345 step 2 (account 70403): the connection was dropped in the middle of the answer') }
    assert warnings.any { it.startsWith('Soda Cloud login: the connection was dropped in the middle of the answer') }
    assert log.at('ERROR').isEmpty()
} finally {
    ItCloud.stop(context)
}
