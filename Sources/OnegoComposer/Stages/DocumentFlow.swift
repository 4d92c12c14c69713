import OnegoCatalog
import OrderedCollections

/// Stage 3 of a composition: which member's result provides which line (a producer runs before its consumers),
/// and the dependency graph with the matter's explicit order added.
struct DocumentFlow: Sendable {
    var graph: DependencyGraph
    /// Merged line (its offset in ``MaterialMerge/lines``) → position of the member whose result provides it to
    /// every member asking for it.
    var provider: [Int: Int]

    static func make(
        _ selection: SelectedMembers, merge: MaterialMerge, prepared: PreparedMatter
    ) -> DocumentFlow {
        var graph = DependencyGraph(count: selection.count)
        var provider: [Int: Int] = [:]
        for (offset, line) in merge.lines.values.enumerated() where line.fate == .none && !line.producers.isEmpty {
            let producers = line.producers.compactMap { selection.position[$0] }
            guard !producers.isEmpty else { continue }
            var allProvided = true
            var first: Int?
            for consumer in line.users {
                guard let producer = producers.first(where: { $0 != consumer }) else {
                    allProvided = false
                    continue
                }
                first = first ?? producer
                for p in producers where p != consumer { graph.addEdge(from: p, to: consumer) }
            }
            if allProvided, let first { provider[offset] = first }
        }
        for (position, member) in selection.indexes.enumerated() {
            for predecessor in prepared.explicitPredecessors[member] {
                if let from = selection.position[predecessor] { graph.addEdge(from: from, to: position) }
            }
        }
        return DocumentFlow(graph: graph, provider: provider)
    }
}
