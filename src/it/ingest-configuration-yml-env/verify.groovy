import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert cloud.commands('login').size() == 1
    assert cloud.schemaErrors().isEmpty()
    assert cloud.acceptedScans().size() == 1
    assert cloud.acceptedScans()[0].path('checks').size() == 9

    def address = log.at('INFO').find { it.trim().startsWith('Soda Cloud ') && !it.contains('API key') }
    assert address.contains('http://127.0.0.1:' + cloud.port())
    assert address.contains('configuration.yml soda_cloud.host')
    assert address.contains('port from configuration.yml soda_cloud.port')
    assert address.contains('scheme from configuration.yml soda_cloud.scheme')
    assert log.at('INFO', 'Soda Cloud API key').any { it.contains('[id: configuration.yml soda_cloud.api_key_id (line 9), secret: configuration.yml soda_cloud.api_key_secret (line 10)]') }
    assert log.at('WARNING').every { !it.contains('is not set') }
} finally {
    ItCloud.stop(context)
}
