import dev.sodamaven.testing.ItCloud

// The fake Soda Cloud accepts the API key that invoker.properties puts in the environment.
def cloud = ItCloud.start(context, sharedDir)
cloud.withApiKey(ItCloud.invokerEnvironmentVariable(basedir, 'SODA_API_KEY_ID'),
        ItCloud.invokerEnvironmentVariable(basedir, 'SODA_API_KEY_SECRET'))
ItCloud.useAsSodaCloud(context)
