import dev.sodamaven.testing.ItCloud

ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
def user = ItCloud.userProperties(context)
user.setProperty('soda.cloud.apiKeyId', ItCloud.API_KEY_ID)
user.setProperty('soda.cloud.apiKeySecret', 'wrong-key-secret-SECRET-d41b')
