import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
def proxy = context.get('fakeProxy')
try {
    assert cloud.acceptedScans().size() == 1
    assert cloud.commands('login').size() == 1

    def forwarded = proxy.forwarded()
    // What the proxy saw, without the credentials.
    println 'Proxy saw: ' + proxy.requests().collect { it.method() + ' ' + it.uri() + ' -> ' + it.status() }
    // Login and upload, both through the proxy, both with its credentials; nothing else used it (Maven
    // Central is in nonProxyHosts, and the proxy forwards only to this machine anyway).
    assert forwarded.collect { it.method() + ' ' + it.uri() } == ['POST ' + cloud.url() + '/api/command'] * 2
    assert forwarded.every { it.authenticated(proxy) } : 'a request forwarded without the proxy credentials: ' + forwarded
    // Everything Soda Cloud received came through the proxy.
    assert cloud.requests().size() == forwarded.size()
    // The proxy challenged only requests that carried no credentials; none carried wrong ones.
    assert proxy.requests().every { it.status() != 407 || it.proxyAuthorization() == null } : proxy.requests()
    assert proxy.requests().every { it.status() != 403 }

    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    assert log.at('WARNING').isEmpty()
    assert log.stackTraceLines().isEmpty()
    // zz-secrets-never-leak searches this log for the proxy password (it holds SECRET-).
} finally {
    proxy?.stop()
    ItCloud.stop(context)
}
