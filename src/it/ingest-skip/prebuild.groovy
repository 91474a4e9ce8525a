import dev.sodamaven.testing.ItCloud

// Everything an upload would need, so only skip can explain that nothing happens.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
ItCloud.passApiKeyAsProperties(context)
ItCloud.userProperties(context).setProperty('soda.skip', 'true')
