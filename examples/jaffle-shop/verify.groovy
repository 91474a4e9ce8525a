// Run by `./mvnw verify -Pexample` (maven-invoker-plugin) after the example's build; not part of a
// dbt project's Maven build. Checks that soda:ingest wrote its files and says where they are.
def soda = new File(basedir, 'target/soda')
def files = ['scan-results.json', 'TEST-dbt.xml', 'report.html'].collect { new File(soda, it) }
files.each { assert it.isFile() : "soda:ingest did not write ${it}" }
println ''
println 'The example ran soda:ingest as a dry run (nothing was sent). Its output:'
println "  scan results (the upload body): ${files[0].canonicalPath}"
println "  JUnit report:                   ${files[1].canonicalPath}"
println "  HTML report:                    ${files[2].canonicalFile.toPath().toUri()}"
println ''
true
