/// How a parse hands libxml2's events to the handler.
///
/// libxml2's per-element code and the handler's together no longer fit the processor's instruction cache, so calling
/// the handler from inside each SAX callback makes each evict the other's code at every event. Replaying the events
/// of a chunk after libxml2 has parsed it keeps the two apart; the handler sees the same events, positions and
/// diagnostics either way.
public enum XMLEventDispatch: Sendable, Hashable {
    /// The handler is called from inside libxml2's callbacks, as each event is parsed.
    case direct
    /// libxml2's callbacks only record each event (in C, into an arena that holds one chunk's events); after each
    /// chunk the events are replayed through the handler in order. A handler's ``XMLParseContext/abort(_:)`` drops
    /// the rest of the chunk's events and any diagnostic libxml2 raised after the aborting event.
    case replayed
}
