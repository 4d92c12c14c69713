import Hummingbird

/// The routes of the workbench, behind the security headers and access control.
enum WorkbenchRouter {
    /// Builds the router.
    static func make(store: WorkbenchStore, configuration: WorkbenchConfiguration, address: ListeningAddress)
        -> Router<BasicRequestContext>
    {
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(
            middleware: AccessMiddleware(
                token: configuration.token, address: address, allowsEditing: configuration.allowsEditing,
                asksForPassword: configuration.isPassword))
        for asset in [Asset.stylesheet, Asset.script] {
            router.get(RouterPath(asset.path)) { _, _ in asset.response }
        }
        PageRoutes(store: store, isEditable: configuration.allowsEditing).register(on: router)
        APIRoutes(store: store).register(on: router)
        AuditDownloads(store: store).register(on: router)
        let pages = PageRoutes(store: store, isEditable: configuration.allowsEditing)
        AuthorRoutes(
            store: store, drafts: DraftStore(), isEditable: configuration.allowsEditing, chrome: { pages.chrome }
        ).register(on: router)
        ImportRoutes(
            store: store, uploads: ImportUploads(), isEditable: configuration.allowsEditing, chrome: { pages.chrome }
        ).register(on: router)
        return router
    }
}
