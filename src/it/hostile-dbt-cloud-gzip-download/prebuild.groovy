import dev.sodamaven.testing.ItCloud
import java.util.zip.GZIPOutputStream

// run_results.json padded to 8 MiB, gzip-compressed to a few KiB: what reaches the disk is 8 MiB.
def bomb = new File(basedir, 'run_results.json.gz')
bomb.withOutputStream { raw ->
    new GZIPOutputStream(raw).withStream { gzip ->
        gzip.write('{"metadata": {}, "results": [], "padding": "'.bytes)
        def chunk = (' ' * 65536).bytes
        128.times { gzip.write(chunk) }
        gzip.write('"}'.bytes)
    }
}
assert bomb.length() < 100_000

def cloud = ItCloud.start(context, sharedDir)
cloud.addRun(ItCloud.dbtRun(50012345L, 412233L, 10, [
        ItCloud.dbtStep(4, 'dbt build', 10, new File(exampleArtifacts, 'manifest.json'), bomb)]))
ItCloud.useAsSodaCloud(context)
ItCloud.useAsDbtCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.passDbtCloudTokenAsProperty(context)
true
