import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    // Both clouds got the decrypted values (they accept nothing else), and one scan arrived.
    def logins = cloud.commands('login')
    assert logins.size() == 1
    assert logins[0].json().path('apiKeyId').asText() == 'enc-key-id-SECRET-1f6a'
    assert logins[0].json().path('apiKeySecret').asText() == 'enc-key-secret-SECRET-7a14'
    def dbtCloud = cloud.requests().findAll { it.path().startsWith('/api/v2/') }
    assert !dbtCloud.isEmpty()
    assert dbtCloud.every { it.header('authorization') == 'Token enc-dbt-token-SECRET-c05e' }
    assert cloud.acceptedScans().size() == 1

    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert log.at('INFO').any { it.contains('Soda Cloud API key') && it.contains("settings.xml server 'soda-cloud'") }
    assert log.at('INFO').any { it.contains('dbt Cloud API token') && it.contains("settings.xml server 'dbt-cloud'") }
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    // zz-secrets-never-leak searches this log and target/ for every value above (they all hold SECRET-),
    // the master password too; the encrypted forms are no secret without settings-security.xml.
    assert log.stackTraceLines().isEmpty()
} finally {
    ItCloud.stop(context)
}
