import Foundation
public import Hummingbird
import NIOCore

/// The officer workbench: a loopback web server over the library (search, guides, composition, audit).
public struct Workbench: Sendable {
    /// Listening and access settings.
    public var configuration: WorkbenchConfiguration
    /// What is served.
    public var data: WorkbenchData

    /// Creates a workbench.
    public init(configuration: WorkbenchConfiguration, data: WorkbenchData) {
        self.configuration = configuration
        self.data = data
    }

    /// The URL to open, with the token, once the server listens on `port`.
    public func url(port: Int) -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/?token=\(configuration.token.value)"
    }

    /// Builds the application; `onReady` is called with the bound port once the server listens.
    public func makeApplication(onReady: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let address = ListeningAddress(host: configuration.host, port: configuration.port)
        let router = WorkbenchRouter.make(data: data, configuration: configuration, address: address)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                address.port = port
                await onReady(port)
            }
        )
    }

    /// Runs until interrupted (SIGINT, SIGTERM).
    public func run(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        try await makeApplication(onReady: onReady).runService()
    }

    /// Runs until the surrounding task is cancelled, without installing signal handlers (tests, embedding).
    public func runUntilCancelled(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        try await makeApplication(onReady: onReady).runService(gracefulShutdownSignals: [])
    }
}
