import dev.sodamaven.testing.ItCloud

ItCloud.start(context, sharedDir)
// A port nobody listens on: taken from the system, then released.
def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
def closedPort = socket.localPort
socket.close()
def user = ItCloud.userProperties(context)
user.setProperty('it.closedPort', String.valueOf(closedPort))
// Host, scheme and key for both builds; each profile of pom.xml names its port.
user.setProperty('soda.cloud.host', '127.0.0.1')
user.setProperty('soda.cloud.scheme', 'http')
ItCloud.passApiKeyAsProperties(context)
