import java.util.regex.Pattern

// expectedMavenVersion and expectedJavaVersion: script variables, set per invoker execution in pom.xml.
def lines = new File(basedir, 'build.log').readLines()
def mavenLine = lines.findIndexOf { it.startsWith('Apache Maven ') }
def javaLine = lines.findIndexOf { it.startsWith('Java version: ') }
def firstOutput = lines.findIndexOf { it.startsWith('[') }
assert mavenLine == 0 : 'build.log does not begin with the Maven version (mvn -V): ' + lines.take(3)
assert lines[mavenLine].startsWith("Apache Maven ${expectedMavenVersion} (") : lines[mavenLine]
assert javaLine > mavenLine && javaLine < firstOutput : 'no Java version before the build output: ' + lines.take(8)
assert lines[javaLine] ==~ /Java version: ${Pattern.quote(expectedJavaVersion)}[.,].*/ : lines[javaLine]
println "Ran on ${lines[mavenLine]}; ${lines[javaLine]}"
return true
