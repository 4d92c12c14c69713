import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoSearch

/// Lets `show` and `guide` take a name instead of a code when it names one item or matter unambiguously.
enum NameLookup {
    /// The code of the item (or, with `matters`, the item or matter) that `name` names: the name exactly, or a top
    /// search hit clearly ahead of the others; `nil` when nothing matches. Several candidates stop the command
    /// with a list of them and their codes.
    static func code(named name: String, catalog: Catalog, matters: [Matter]? = nil) throws -> String? {
        let index = SearchIndex(catalog: catalog, matters: matters ?? [])
        switch index.resolve(name, kind: matters == nil ? .item : nil) {
        case .found(let hit):
            if hit.name != name { Terminal.err("提示: 按名称“\(name)”找到 \(hit.code) \(hit.name)") }
            return hit.code
        case .ambiguous(let candidates):
            throw CommandFailure(FindText.ambiguity(name, candidates), code: .cliAmbiguousName)
        case .notFound:
            return nil
        }
    }

    /// A `guide` target as an item code or matter code: codes as given, else resolved by name over both.
    static func guideTarget(_ target: String, catalog: Catalog, workspace: Workspace) throws -> String {
        if catalog.item(code: target) != nil { return target }
        let matters = try Workspace.reported(workspace.loadMatters)
        if Workspace.matter(named: target, in: matters) != nil { return target }
        return try code(named: target, catalog: catalog, matters: matters) ?? target
    }
}
