import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.acceptedScans().size() == 1

    def log = BuildLog.of(basedir)
    // The command line's soda:ingest ran as the POM's plugin, in the version the POM gives.
    def version = (new File(basedir, 'pom.xml').getText('UTF-8')
            =~ /<artifactId>soda-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
    assert log.contains('--- soda:' + version + ':ingest (default-cli) @ maven-prefix-from-pom ---')
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    assert log.contains('BUILD SUCCESS')
} finally {
    ItCloud.stop(context)
}
