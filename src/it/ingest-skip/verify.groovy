import dev.sodamaven.testing.BuildLog
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.get(context)
try {
    assert cloud.requests().isEmpty()
    assert !new File(basedir, 'target/soda').exists()
    def log = BuildLog.of(basedir)
    assert log.at('INFO', 'Skipping the Soda ingestion: skip (-Dsoda.skip) is true.').size() == 1
    assert log.at('INFO', 'Skipping the Soda upload: skip (-Dsoda.skip) is true.').size() == 1
    assert log.at('WARNING').isEmpty()
    assert log.at('ERROR').isEmpty()
} finally {
    ItCloud.stop(context)
}
