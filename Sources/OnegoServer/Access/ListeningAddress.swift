import OnegoCatalog

/// The address the server actually listens on, known once it is bound (`--port 0` picks the port then).
final class ListeningAddress: Sendable {
    private let boundPort: Locked<Int>
    /// The configured host.
    let host: String

    init(host: String, port: Int) {
        self.host = host
        self.boundPort = Locked(port)
    }

    /// The bound port (the configured one until the server is running).
    var port: Int {
        get { boundPort.withLock { $0 } }
        set { boundPort.withLock { $0 = newValue } }
    }

    /// The `Host` header values that name this server: the listening address and, on loopback, `localhost`.
    var acceptedHosts: Set<String> {
        let port = self.port
        var hosts: Set<String> = ["\(host.lowercased()):\(port)"]
        if WorkbenchConfiguration.isLoopback(host) {
            hosts.formUnion(["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"])
        }
        return hosts
    }

    /// The origins (scheme, host and port) a browser sends for pages served from here.
    var acceptedOrigins: Set<String> { Set(acceptedHosts.map { "http://" + $0 }) }

    /// The name of the cookie that carries the token: per port, since browsers share cookies across ports.
    var cookieName: String { "onego_token_\(port)" }
}
