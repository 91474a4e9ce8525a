import dev.sodamaven.testing.ItCloud

// The POM names the port through ${it.fakeCloud.port}, which ItCloud.start passes to the build;
// the API key is the one written in pom.xml.
def cloud = ItCloud.start(context, sharedDir)
cloud.withApiKey('pom-key-id-SECRET-70a4', 'pom-key-secret-SECRET-e5d3')
return true
