import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

// After the first build: Soda Cloud was down, the build passed, the results are on disk.
def cloud = ItCloud.get(context)
assert cloud.requests().isEmpty()
assert new File(basedir, 'target/soda/scan-results.json').isFile()

def log = BuildLog.of(basedir)
assert log.at('WARNING', 'Soda Cloud login: connection refused; trying again in').size() == 3
def failure = log.at('WARNING', 'Soda Cloud login failed (after 4 attempts): connection refused')
assert failure.size() == 1
assert failure[0].contains('send them again with: mvn soda:upload -Dsoda.scanResults=')
assert log.at('WARNING', 'The build goes on because failOnError (-Dsoda.failOnError) is false.').size() == 1
assert log.at('ERROR').isEmpty()
assert log.stackTraceLines().isEmpty()
return true
