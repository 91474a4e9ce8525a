import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty() : 'nothing may be sent when the manifest cannot be read'
    assert !new File(basedir, 'target/soda/scan-results.json').exists()

    def log = BuildLog.of(basedir)
    def failed = log.at('ERROR', 'Failed to execute goal')
    assert failed.size() == 1
    def message = failed[0]
    assert message.contains(new File(basedir, 'dbt-target/manifest.json').path)
    // One line: Maven's next ERROR line is its own help text, not the rest of our message.
    def errors = log.at('ERROR')
    def next = errors[errors.indexOf(message) + 1]
    assert next.isEmpty() || next.startsWith('-> [Help') || next.startsWith('To see the full stack trace')
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
