import dev.sodamaven.testing.FakeCloud
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
cloud.addFault(FakeCloud.Fault.expireTokens('sodaCoreInsertScanResults'))
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
