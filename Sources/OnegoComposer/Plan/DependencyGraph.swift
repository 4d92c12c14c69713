import OnegoCatalog

/// A small directed graph over the selected members of one composition (nodes `0..<count`), with the
/// scheduling figures the plan needs.
struct DependencyGraph: Sendable {
    /// `predecessors[v]`: nodes that must finish before `v` starts, ascending, without duplicates.
    private(set) var predecessors: [[Int]]

    init(count: Int) { predecessors = Array(repeating: [], count: count) }

    var count: Int { predecessors.count }

    /// Adds `from → to` (from runs first). Self-loops are ignored.
    mutating func addEdge(from: Int, to: Int) {
        guard from != to, !predecessors[to].contains(from) else { return }
        predecessors[to].append(from)
    }

    /// A topological order (ties broken by node number), or a cycle as a node list whose first node is
    /// repeated at the end.
    func topologicalOrder() -> Result<[Int], CycleFound> {
        var successors = Array(repeating: [Int](), count: count)
        var indegree = Array(repeating: 0, count: count)
        for (node, preds) in predecessors.enumerated() {
            indegree[node] = preds.count
            for p in preds { successors[p].append(node) }
        }
        var ready = (0..<count).filter { indegree[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(count)
        while !ready.isEmpty {
            let smallest = ready.indices.min { ready[$0] < ready[$1] } ?? 0
            let node = ready.remove(at: smallest)
            order.append(node)
            for s in successors[node] {
                indegree[s] -= 1
                if indegree[s] == 0 { ready.append(s) }
            }
        }
        if order.count == count { return .success(order) }
        return .failure(CycleFound(nodes: findCycle(among: Set((0..<count).filter { indegree[$0] > 0 }))))
    }

    /// A cycle among `nodes` (all of which have an unresolved predecessor), walking predecessors.
    private func findCycle(among nodes: Set<Int>) -> [Int] {
        guard var node = nodes.min() else { return [] }
        var seen: [Int: Int] = [:]
        var walk: [Int] = []
        while seen[node] == nil {
            seen[node] = walk.count
            walk.append(node)
            guard let next = predecessors[node].first(where: { nodes.contains($0) }) else { return walk }
            node = next
        }
        // walk[seen[node]...] follows predecessors; reverse it so the cycle reads in run order.
        let cycle = Array(walk[(seen[node] ?? 0)...].reversed())
        return cycle + [cycle[0]]
    }

    struct CycleFound: Error {
        var nodes: [Int]
    }

    /// Schedules the nodes: stage numbers (1 for nodes without predecessors, else 1 + the latest predecessor's
    /// stage), exact earliest finish times given each node's duration, and one critical path (ties → the node in
    /// the latest stage, then the lower node, so zero-length members on the chain stay listed).
    func schedule(order: [Int], durations: [Rational]) -> Schedule {
        var stage = Array(repeating: 1, count: count)
        var finish = Array(repeating: Rational.zero, count: count)
        var via = Array(repeating: -1, count: count)
        for node in order {
            var start = Rational.zero
            for p in predecessors[node] {
                stage[node] = max(stage[node], stage[p] + 1)
                start = max(start, finish[p])
            }
            via[node] =
                predecessors[node].filter { finish[$0] == start }
                .min { stage[$0] != stage[$1] ? stage[$0] > stage[$1] : $0 < $1 } ?? -1
            finish[node] = start + durations[node]
        }
        var path: [Int] = []
        let latest = finish.max() ?? .zero
        if let last = (0..<count).filter({ finish[$0] == latest })
            .min(by: { stage[$0] != stage[$1] ? stage[$0] > stage[$1] : $0 < $1 })
        {
            var node = last
            while node >= 0 {
                path.append(node)
                node = via[node]
            }
        }
        return Schedule(stage: stage, finish: finish, criticalPath: path.reversed())
    }

    struct Schedule {
        var stage: [Int]
        var finish: [Rational]
        var criticalPath: [Int]
        var critical: Rational { finish.max() ?? .zero }
    }
}
