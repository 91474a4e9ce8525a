import dev.sodamaven.testing.ItCloud

// A reachable Soda Cloud, so that "nothing was sent" means something; the selection as -D properties.
ItCloud.start(context, sharedDir)
ItCloud.useAsSodaCloud(context)
def properties = ItCloud.userProperties(context)
properties.setProperty('soda.dryRun', 'true')
properties.setProperty('soda.select', 'orders, source:raw')
properties.setProperty('soda.exclude', 'test_type:singular')
true
