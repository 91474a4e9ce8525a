import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
def proxy = context.get('fakeProxy')
try {
    assert cloud.acceptedScans().size() == 1
    assert cloud.commands('login').size() == 1
    assert proxy.requests().isEmpty() : 'the proxy saw: ' + proxy.requests()

    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    assert log.at('WARNING').isEmpty()
    assert log.stackTraceLines().isEmpty()
} finally {
    proxy?.stop()
    ItCloud.stop(context)
}
