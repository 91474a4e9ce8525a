import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    // Both clouds got the decrypted values (they accept nothing else), and one scan arrived.
    def logins = cloud.commands('login')
    assert logins.size() == 1
    assert logins[0].json().path('apiKeyId').asText() == 'm4-key-id-SECRET-52c1'
    assert logins[0].json().path('apiKeySecret').asText() == 'm4-key-secret-SECRET-3d8a'
    def dbtCloud = cloud.requests().findAll { it.path().startsWith('/api/v2/') }
    assert !dbtCloud.isEmpty()
    assert dbtCloud.every { it.header('authorization') == 'Token m4-dbt-token-SECRET-e917' }
    assert cloud.acceptedScans().size() == 1

    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert log.at('INFO').any { it.contains('Soda Cloud API key') && it.contains("settings.xml server 'soda-cloud'") }
    assert log.at('INFO').any { it.contains('dbt Cloud API token') && it.contains("settings.xml server 'dbt-cloud'") }
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    // Maven 4's own format, not the Maven 3 one it still reads with a warning (maven-settings-encrypted-credentials).
    assert log.at('WARNING').every { !it.contains('legacy encrypted password') }
    assert log.stackTraceLines().isEmpty()
    // zz-secrets-never-leak searches this log and target/ for the values above and the master password.
} finally {
    ItCloud.stop(context)
}
