import dev.sodamaven.testing.FakeCloud
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
2.times {
    cloud.addFault(FakeCloud.Fault.status('sodaCoreInsertScanResults', 503, [:], '{"message":"Service Unavailable"}'))
}
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
