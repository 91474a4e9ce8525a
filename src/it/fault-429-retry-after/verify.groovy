import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.commands('login').size() == 2
    assert cloud.commands('sodaCoreInsertScanResults').size() == 1
    assert cloud.acceptedScans().size() == 1

    def log = BuildLog.of(basedir)
    // The test backoff is a few milliseconds: "1.0 s" can only come from Retry-After.
    assert log.at('WARNING') == ['Soda Cloud login: HTTP 429; trying again in 1.0 s (attempt 2 of 4)']
    assert log.at('INFO', 'Uploaded 9 checks to Soda Cloud').size() == 1
} finally {
    ItCloud.stop(context)
}
