import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    // Three builds, two uploads: the second build found the run in the ledger, the third was forced.
    assert cloud.acceptedScans().size() == 2
    assert cloud.commands('login').size() == 2 : 'the build that sent nothing did not even log in'

    def log = BuildLog.of(basedir)
    def already = log.at('INFO', 'Already sent: dbt invocation 6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41 went to Soda Cloud')
    assert already.size() == 1
    assert already[0].endsWith('nothing was sent. Set force (-Dsoda.force) to true to send it again.')

    def ledger = new File(ItCloud.userProperties(context).getProperty('soda.ledger'))
    assert ledger.isFile()
    assert ledger.text.count('"dbtInvocationId" : "6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41"') == 2
} finally {
    ItCloud.stop(context)
}
