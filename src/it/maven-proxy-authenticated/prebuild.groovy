import dev.sodamaven.testing.FakeProxy
import dev.sodamaven.testing.ItCloud

// Soda Cloud at http://127.0.0.1:<port>. The plugin proxies loopback hosts like any other (only
// nonProxyHosts bypasses the proxy), so this is the proxied case; maven-proxy-non-proxy-hosts the other.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)

def proxy = FakeProxy.start('it-proxy-user', 'it-proxy-pass-SECRET-3b8e')
context.put('fakeProxy', proxy)
new File(basedir, 'settings-proxy-authenticated.xml').setText(
        new File(basedir, 'proxy-settings.template.xml').getText('UTF-8')
                .replace('%PROXY_PORT%', String.valueOf(proxy.port()))
                .replace('%NON_PROXY_HOSTS%', 'repo.maven.apache.org|repo1.maven.org'),
        'UTF-8')
true
