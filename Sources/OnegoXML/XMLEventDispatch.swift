/// How a parse hands libxml2's events to the handler.
///
/// libxml2's per-element code and the handler's together no longer fit the processor's instruction cache, so calling
/// the handler from inside each SAX callback makes each evict the other's code at every event. Replaying the events
/// of a chunk after libxml2 has parsed it keeps the two apart; the handler sees the same events and diagnostics either
/// way, and the same positions wherever they are defined (``XMLParseContext/tagLocation``).
public enum XMLEventDispatch: Sendable, Hashable {
    /// The handler is called from inside libxml2's callbacks, as each event is parsed.
    case direct
    /// libxml2's callbacks only record each event (in C, into an arena that holds one piece's events: libxml2 gets
    /// at most 64 KiB at a time); after each piece the events are replayed through the handler in order. A
    /// handler's ``XMLParseContext/abort(_:)`` drops the rest of the piece's events and any diagnostic libxml2
    /// raised after the aborting event; libxml2 (and the schema validator) will have parsed the rest of that piece.
    case replayed
    /// Replayed when the parse validates against a schema, direct otherwise (the default). On the generated catalogs
    /// (session 13, `Benchmarks/RESULTS.md`) the replay made validated loads 4–5 % faster (L1 instruction misses
    /// −40 %, data misses −21 %), while for well-formedness-only loads its extra work (+5 % instructions) cancelled
    /// what it saved (L1 instruction misses −71 %) and the wall and CPU times stayed the same.
    case automatic

    /// The dispatch a parse uses: ``automatic`` resolved for a validating or a well-formedness-only parse.
    public func resolved(isValidating: Bool) -> XMLEventDispatch {
        guard self == .automatic else { return self }
        return isValidating ? .replayed : .direct
    }
}
