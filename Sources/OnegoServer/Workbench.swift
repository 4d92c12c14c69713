import Foundation
public import Hummingbird
import NIOCore
import NIOPosix

/// The officer workbench: a loopback web server over the library (search, guides, composition, audit).
public struct Workbench: Sendable {
    /// Listening and access settings.
    public var configuration: WorkbenchConfiguration
    /// What is served, reloaded when the workspace changes.
    public var store: WorkbenchStore

    /// Creates a workbench serving fixed data (no reload).
    public init(configuration: WorkbenchConfiguration, data: WorkbenchData) {
        self.init(configuration: configuration, store: WorkbenchStore(data: data))
    }

    /// Creates a workbench serving a store (reloaded when its watched files change while running).
    public init(configuration: WorkbenchConfiguration, store: WorkbenchStore) {
        self.configuration = configuration
        self.store = store
    }

    /// Makes NIO's event loops, the threads that read and write the sockets, also run Swift's tasks (the request
    /// handlers): a request is then handled on the thread that read it instead of hopping to Swift's cooperative
    /// pool and back, and two cores serve with two busy threads instead of four. Call once, at the start of the
    /// process, before the server runs; returns whether it was installed.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// The URL to open, with the token, once the server listens on `port`.
    public func url(port: Int) -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)/?token=\(configuration.token.value)"
    }

    /// Builds the application; `onReady` is called with the bound port once the server listens.
    public func makeApplication(onReady: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let address = ListeningAddress(host: configuration.host, port: configuration.port)
        let router = WorkbenchRouter.make(store: store, configuration: configuration, address: address)
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

    /// Runs until interrupted (SIGINT, SIGTERM), looking for workspace changes every second.
    public func run(onReady: @escaping @Sendable (Int) async -> Void) async throws {
        let watcher = Task { [store] in await store.watch() }
        defer { watcher.cancel() }
        try await makeApplication(onReady: onReady).runService()
    }

    /// Runs until the surrounding task is cancelled, without installing signal handlers (tests, embedding); looks
    /// for workspace changes every `interval`.
    public func runUntilCancelled(
        watchEvery interval: Duration = .seconds(1), onReady: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let watcher = Task { [store] in await store.watch(every: interval) }
        defer { watcher.cancel() }
        try await makeApplication(onReady: onReady).runService(gracefulShutdownSignals: [])
    }
}
