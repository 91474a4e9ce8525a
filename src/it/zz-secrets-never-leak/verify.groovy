import dev.sodamaven.testing.SecretScan

def report = SecretScan.scan(basedir.parentFile, basedir.name)
println report.summary()
report.leaks().each { println 'Secret found: ' + it }

assert report.buildLogs() > 0 : 'no integration test output to search: run the other integration tests first'
assert report.notDebug().isEmpty() : 'these tests ask for mvn -X but their build.log has no debug output: ' + report.notDebug()
assert report.leaks().isEmpty() : report.leaks().size() + ' secrets found in the integration tests\' output:\n' + report.leaks().join('\n')
return true
