import dev.sodamaven.testing.ItCloud

// A reachable Soda Cloud, so that "nothing was sent" means something; no API key is given.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.userProperties(context).setProperty('soda.dryRun', 'true')
