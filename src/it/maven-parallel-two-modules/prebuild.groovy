import dev.sodamaven.testing.ItCloud

// One server and one ledger for both modules, as on a build machine.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
true
