import dev.sodamaven.testing.FakeProxy
import dev.sodamaven.testing.ItCloud

// Soda Cloud at http://127.0.0.1:<port>, which the glob 127.0.0.* in nonProxyHosts matches.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)

def proxy = FakeProxy.start('it-proxy-user', 'it-proxy-pass-SECRET-3b8e')
context.put('fakeProxy', proxy)
new File(basedir, 'settings-proxy-non-proxy-hosts.xml').setText(
        new File(basedir, 'proxy-settings.template.xml').getText('UTF-8')
                .replace('%PROXY_PORT%', String.valueOf(proxy.port()))
                .replace('%NON_PROXY_HOSTS%', 'repo.maven.apache.org|repo1.maven.org|127.0.0.*'),
        'UTF-8')
true
