import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def log = BuildLog.of(basedir)
    assert log.isDebug()
    assert cloud.requests().any { it.path() == '/api/v2/accounts/70403/runs/50012345/' }
    assert cloud.requests().findAll { it.path().contains('/artifacts/') }.size() == 2
    assert cloud.acceptedScans().size() == 1
    assert cloud.acceptedScans()[0].path('checks').size() == 9

    def settings = log.at('INFO')
    assert settings.any { it.contains('dbt Cloud account') && it.contains('70403') && it.contains('configuration.yml dbt_cloud.account_id') }
    assert settings.any { it.contains('dbt Cloud API token') && it.contains('configuration.yml dbt_cloud.api_token') }
    assert settings.any { it.contains('dbt Cloud address') && it.contains('http://127.0.0.1:' + cloud.port()) && it.contains('configuration.yml dbt_cloud.access_url') }
} finally {
    ItCloud.stop(context)
}
