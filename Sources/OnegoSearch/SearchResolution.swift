/// The outcome of looking up one item or matter by a name a person typed.
public enum SearchResolution: Sendable, Hashable {
    /// One item or matter: the only one with exactly that name, or a top hit clearly ahead of the next.
    case found(SearchHit)
    /// Several candidates, best first; the caller lists them with their codes.
    case ambiguous([SearchHit])
    /// Nothing matched.
    case notFound
}

extension SearchIndex {
    /// How far a top hit must lead the next to be taken without asking: its score at least this many times the
    /// second's.
    public static let clearLeadRatio = 1.3

    /// Resolves `name` to one item or matter (of `kind`, when given): an exact name wins when it is the only one
    /// with that name; otherwise a top hit whose score leads the second's by ``clearLeadRatio``; otherwise the
    /// best hits (at most `candidateLimit`, each scoring at least half the top score) are returned as ambiguous.
    public func resolve(_ name: String, kind: SearchHit.Kind? = nil, candidateLimit: Int = 10) -> SearchResolution {
        let wanted = name.trimmingWhitespace()
        let hits = search(wanted, limit: 200).filter { kind == nil || $0.kind == kind }
        guard let top = hits.first else { return .notFound }
        let exact = hits.filter { $0.name == wanted }
        if exact.count == 1, let only = exact.first { return .found(only) }
        if exact.count > 1 { return .ambiguous(Array(exact.prefix(candidateLimit))) }
        if hits.count == 1 || top.score >= hits[1].score * Self.clearLeadRatio { return .found(top) }
        return .ambiguous(Array(hits.prefix { $0.score * 2 >= top.score }.prefix(candidateLimit)))
    }
}

extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
