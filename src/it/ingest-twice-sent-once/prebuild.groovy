import dev.sodamaven.testing.ItCloud

// ItCloud gives the test a ledger of its own (-Dsoda.ledger), shared by the three builds.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
true
