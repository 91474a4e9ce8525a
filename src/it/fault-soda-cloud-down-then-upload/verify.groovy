import com.fasterxml.jackson.databind.ObjectMapper
import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

// Both builds write one build.log, checked after the second (maven-invoker-plugin runs verify.groovy once).
def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    // The first build: Soda Cloud was down (nothing listened on its port), the build passed, the results stayed on disk.
    assert log.at('WARNING', 'Soda Cloud login: connection refused; trying again in').size() == 3
    def failure = log.at('WARNING', 'Soda Cloud login failed (after 4 attempts): connection refused')
    assert failure.size() == 1
    assert failure[0].contains('send them again with: mvn soda:upload -Dsoda.scanResults=')
    assert log.at('WARNING', 'The build goes on because failOnError (-Dsoda.failOnError) is false.').size() == 1
    assert log.at('ERROR').isEmpty()
    assert log.stackTraceLines().isEmpty()

    // The second build: soda:upload sent the saved file as it is.
    assert cloud.commands('login').size() == 1
    assert cloud.acceptedScans().size() == 1
    assert cloud.schemaErrors().isEmpty()
    def sent = cloud.acceptedScans()[0].deepCopy()
    sent.remove('token')
    def saved = new ObjectMapper().readTree(new File(basedir, 'target/soda/scan-results.json'))
    assert saved.equals(sent) : 'soda:upload must send the saved scan results unchanged'

    assert log.at('INFO', 'Uploaded 9 checks from ').size() == 1
    // Both goals print where their settings came from, in the same table.
    assert log.at('INFO', 'Settings (from: ').size() == 2
    assert log.contains('BUILD SUCCESS')
} finally {
    ItCloud.stop(context)
}
