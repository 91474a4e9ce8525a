import dev.sodamaven.testing.ItCloud

// Environment variables are fixed in invoker.properties, so the fake Soda Cloud listens on the port they name.
int port = Integer.parseInt(ItCloud.invokerEnvironmentVariable(basedir, 'IT_SODA_PORT'))
def cloud = ItCloud.startOnPort(context, sharedDir, port)
cloud.withApiKey(ItCloud.invokerEnvironmentVariable(basedir, 'IT_SODA_KEY_ID'),
        ItCloud.invokerEnvironmentVariable(basedir, 'IT_SODA_KEY_SECRET'))
return true
