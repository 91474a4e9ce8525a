import dev.sodamaven.testing.BuildLog

// build.log holds both builds, one after the other.
def log = BuildLog.of(basedir)
def text = log.text()
def version = (new File(basedir, 'pom.xml').getText('UTF-8') =~ /<it.expectedPluginVersion>([^<]+)</)[0][1]

// First build, settings without the plugin group: Maven looks in its default groups only.
def notFound = text.indexOf("[ERROR] No plugin found for prefix 'soda' in the current project and in the plugin groups [org.apache.maven.plugins, org.codehaus.mojo]")
assert notFound >= 0
assert text.indexOf('[INFO] BUILD FAILURE') >= 0 && text.indexOf('[INFO] BUILD FAILURE') < notFound

// Second build, settings with <pluginGroup>dev.sodamaven</pluginGroup>: the prefix resolves to the
// plugin the build installed, and the dry run writes its results.
def ran = text.indexOf('[INFO] --- soda:' + version + ':ingest (default-cli) @ maven-prefix-from-plugin-groups ---')
assert ran > notFound
assert text.indexOf('[INFO] BUILD SUCCESS', ran) > ran
assert log.at('INFO', 'Dry run: nothing was uploaded to Soda Cloud.').size() == 1
assert new File(basedir, 'target/soda/scan-results.json').isFile()

// Neither build went to Maven Central (both run offline, see invoker.properties).
assert !text.contains('from central: https://')
true
