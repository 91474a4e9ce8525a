import dev.sodamaven.testing.ItCloud

// A live Soda Cloud on this machine, with the API key passed: the dry run must not call it all the same.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
true
