import dev.sodamaven.testing.FakeCloud
import dev.sodamaven.testing.ItCloud

def cloud = ItCloud.start(context, sharedDir)
cloud.addFault(FakeCloud.Fault.status('login', 429, ['Retry-After': '1'], '{"message":"Too Many Requests"}'))
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
