import dev.sodamaven.testing.ItCloud

// The fake Soda Cloud; the build gets its address and the API key as -D user properties.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
