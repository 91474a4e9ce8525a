import dev.sodamaven.testing.ItCloud

// Environment variables are set before this script runs, so the fake Soda Cloud listens on the port that
// invoker.properties puts in IT_SODA_PORT: the one the build reserved, handed here as ingestYmlEnvPort.
def cloud = ItCloud.startOnReservedPort(context, sharedDir, 'ingestYmlEnvPort', ingestYmlEnvPort)
cloud.withApiKey(ItCloud.invokerEnvironmentVariable(basedir, 'IT_SODA_KEY_ID'),
        ItCloud.invokerEnvironmentVariable(basedir, 'IT_SODA_KEY_SECRET'))
return true
