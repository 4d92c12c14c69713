import OnegoCatalog

/// The address the server actually listens on, known once it is bound (`--port 0` picks the port then).
final class ListeningAddress: Sendable {
    /// What every request is checked against, worked out once per port rather than per request.
    private struct Names {
        var port: Int
        var hosts: Set<String>
        var origins: Set<String>
        var cookie: String

        init(host: String, port: Int) {
            self.port = port
            var hosts: Set<String> = ["\(host.lowercased()):\(port)"]
            if WorkbenchConfiguration.isLoopback(host) {
                hosts.formUnion(["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"])
            }
            self.hosts = hosts
            self.origins = Set(hosts.map { "http://" + $0 })
            self.cookie = "onego_token_\(port)"
        }
    }

    private let names: Locked<Names>
    /// The configured host.
    let host: String

    init(host: String, port: Int) {
        self.host = host
        self.names = Locked(Names(host: host, port: port))
    }

    /// The bound port (the configured one until the server is running).
    var port: Int {
        get { names.withLock { $0.port } }
        set { names.withLock { $0 = Names(host: host, port: newValue) } }
    }

    /// The `Host` header values that name this server: the listening address and, on loopback, `localhost`.
    var acceptedHosts: Set<String> { names.withLock { $0.hosts } }

    /// The origins (scheme, host and port) a browser sends for pages served from here.
    var acceptedOrigins: Set<String> { names.withLock { $0.origins } }

    /// The name of the cookie that carries the token: per port, since browsers share cookies across ports.
    var cookieName: String { names.withLock { $0.cookie } }
}
