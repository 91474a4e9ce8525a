import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    def kinds = cloud.requests().collect { it.commandType() }
    assert kinds == ['login', 'sodaCoreInsertScanResults', 'login', 'sodaCoreInsertScanResults']
    def uploads = cloud.commands('sodaCoreInsertScanResults')
    def firstToken = uploads[0].json().path('token').asText()
    def secondToken = uploads[1].json().path('token').asText()
    assert (firstToken.startsWith(ItCloud.LOGIN_TOKEN_PREFIX) && secondToken.startsWith(ItCloud.LOGIN_TOKEN_PREFIX)) : 'both uploads carry a login token'
    assert (firstToken != secondToken) : 'the second upload carries the new token'
    assert cloud.acceptedScans().size() == 1

    def log = BuildLog.of(basedir)
    assert log.at('INFO', 'Soda Cloud refused the session token (HTTP 401, it may have expired); logging in again.').size() == 1
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
    assert log.at('ERROR').isEmpty()
} finally {
    ItCloud.stop(context)
}
