/// How `onego serve` listens and who may use it.
public struct WorkbenchConfiguration: Sendable {
    /// The address to listen on (127.0.0.1 unless remote access was explicitly allowed).
    public var host: String
    /// The port to listen on; 0 picks a free port.
    public var port: Int
    /// The secret every request must present (query, cookie or bearer token).
    public var token: AccessToken
    /// Whether requests that change the workspace are allowed (`--edit`).
    public var allowsEditing: Bool
    /// Whether the token is a password given for remote access (`--password-file`): browsers ask for it with
    /// HTTP Basic authentication.
    public var isPassword = false

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 0, token: AccessToken, allowsEditing: Bool = false) {
        self.host = host
        self.port = port
        self.token = token
        self.allowsEditing = allowsEditing
    }

    /// Whether `host` names this machine's loopback interface only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]"
    }
}
