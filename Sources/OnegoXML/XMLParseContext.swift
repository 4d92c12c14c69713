internal import CLibXML2
internal import CLibXML2Events
public import OnegoBase

let libXML2Initialization: Void = { xmlInitParser() }()

func ensureLibXML2Initialized() { _ = libXML2Initialization }

/// The state of one parse, handed to the handler's callbacks: where the parser is, and how to report problems.
public final class XMLParseContext {
    /// The file being parsed, as named in diagnostics.
    public let file: String
    /// The current element depth: 1 inside the root's start tag.
    @exclusivity(unchecked) public internal(set) var depth = 0
    /// Every diagnostic so far.
    @exclusivity(unchecked) public internal(set) var diagnostics: [Diagnostic] = []

    let limits: XMLLimits
    let maxDiagnostics: Int
    /// The handler. Strong, non-optional `let`s: a call through them costs no reference counting, where loading an
    /// `unowned(unsafe)` or optional existential retained and released the handler on every event.
    let handler: any XMLContentHandler
    /// The same handler when it takes name ids, else an adapter that resolves ids to names for it.
    let idHandler: any XMLNameIDContentHandler
    /// The same handler when it takes slots (``XMLSlottedContentHandler``), else a stand-in that is never called.
    let slotted: any XMLSlottedContentHandler
    /// Whether the handler takes slots: attribute values go to ``slotValues``, text to ``text``.
    let isSlotted: Bool
    /// Per attribute name id: its slot, -1 for none, -2 not asked yet (slotted handlers only).
    @exclusivity(unchecked) var slotOf: UnsafeMutablePointer<Int8>
    /// Per element name id: ``XMLElementEvents`` bits shifted left by one, bit 0 set once asked (slotted handlers
    /// only; as long as ``slotOf``).
    @exclusivity(unchecked) var eventsOf: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var slotOfCapacity = 64
    /// The 64 slots of the current start tag's attribute values (slotted handlers only).
    let slotValues: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    /// The decoded copies of the last slotted start tag's values that held a `&#38;`; freed at the next one.
    @exclusivity(unchecked) var decodedValues: [UnsafeMutableBufferPointer<UInt8>] = []
    /// The parser's user data in the direct dispatch: the element's text (slotted handlers gather it there, libxml2's
    /// character callback appending each run in C), its length and capacity, and this context as its owner.
    let sink: UnsafeMutablePointer<onego_text_sink>
    @exclusivity(unchecked) var parser: xmlParserCtxtPtr? {
        didSet { sink.pointee.parser = UnsafeMutableRawPointer(parser) }
    }
    /// Whether the parse has been stopped; the sink then hands every run to ``characters(_:_:)``, which drops it.
    @exclusivity(unchecked) var aborted = false {
        didSet { sink.pointee.gathers = isSlotted && !aborted ? 1 : 0 }
    }
    /// Set while libxml2 is told the input has ended: errors then mean a truncated file.
    @exclusivity(unchecked) var isFinishing = false
    @exclusivity(unchecked) var names = NameTable()
    /// Reused storage for the attribute entries of a start tag.
    @exclusivity(unchecked) var entries: UnsafeMutablePointer<XMLAttributeList.Entry>
    @exclusivity(unchecked) var entryCapacity = 32
    /// Whether a 0x26 byte (`&`) has been handed to libxml2 (set by the feed before it hands the bytes on).
    @exclusivity(unchecked) var sawAmpersandByte = false
    /// Whether attribute values may hold a `&#38;` to decode: set when an `&` byte has been fed, or (from the root's
    /// start tag on) when libxml2 transcodes the input. While it is false no value is searched for `&` (libxml2 keeps
    /// `&#38;` only for a reference, and a reference starts with a `&` byte of untranscoded input).
    @exclusivity(unchecked) var valuesMayHoldReferences = true
    /// The name id of each open element by depth, so an end tag needs no lookup.
    @exclusivity(unchecked) var openIDs: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var openCapacity = 64
    /// The arena libxml2's callbacks record events into, when events are replayed (``XMLEventDispatch/replayed``).
    let recorder: UnsafeMutablePointer<onego_recorder>?
    /// The diagnostics libxml2 raised while recording, applied in order when the chunk's events are replayed.
    @exclusivity(unchecked) var deferred: [(diagnostic: Diagnostic, isFatal: Bool)] = []
    /// The event being replayed: positions asked for during it are the ones recorded with it.
    @exclusivity(unchecked) var replayed: UnsafePointer<onego_event>?
    /// The encoding the document declared, once known.
    @exclusivity(unchecked) public internal(set) var declaredEncoding: String?

    /// Where the document's bytes come from, so an encoding error can be located by reading them again.
    enum Source {
        case file(String)
        case bytes([UInt8])
    }

    /// The document's bytes, for locating encoding errors.
    @exclusivity(unchecked) var source: Source?

    /// Added to every line reported: a part of a file parsed on its own (see ``XMLSplitPlan``) reports the lines of
    /// the whole file.
    @exclusivity(unchecked) var lineOffset = 0
    /// Set when the document leaves out whole lines of the file (see ``XMLLineMap``): reported lines go through it.
    @exclusivity(unchecked) var lineMap: XMLLineMap?

    /// The file's line for the parser's line `line`.
    @inline(__always)
    func fileLine(_ line: Int) -> Int {
        if let lineMap { return lineMap.fileLine(line) + lineOffset }
        return line + lineOffset
    }

    /// The parser's line showing the file's line `line`, or `nil` when the document does not hold it.
    func documentLine(_ line: Int) -> Int? {
        guard line > lineOffset else { return nil }
        guard let lineMap else { return line - lineOffset }
        return lineMap.documentLine(line - lineOffset)
    }

    init(
        file: String, limits: XMLLimits, maxDiagnostics: Int, handler: any XMLContentHandler,
        dispatch: XMLEventDispatch = .direct
    ) {
        self.file = file
        self.limits = limits
        self.maxDiagnostics = maxDiagnostics
        self.handler = handler
        self.idHandler = (handler as? any XMLNameIDContentHandler) ?? NameResolvingHandler(handler)
        let slotted = handler as? any XMLSlottedContentHandler
        self.slotted = slotted ?? UnslottedHandler()
        self.isSlotted = slotted != nil
        self.slotOf = .allocate(capacity: slotOfCapacity)
        self.slotOf.initialize(repeating: -2, count: slotOfCapacity)
        self.eventsOf = .allocate(capacity: slotOfCapacity)
        self.eventsOf.initialize(repeating: 0, count: slotOfCapacity)
        self.slotValues = .allocate(capacity: 64)
        self.slotValues.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: 64)
        self.sink = .allocate(capacity: 1)
        self.sink.initialize(
            to: onego_text_sink(
                owner: nil, text: .allocate(capacity: 256), count: 0, capacity: 256,
                limit: max(0, limits.maxTextBytes), gathers: slotted != nil ? 1 : 0,
                overflow: onegoTextOverflow, parser: nil, text_end_line: 0, text_end_column: 0, text_ends_at_tag: 0,
                tag_starts_at_text_end: 0))
        self.entries = .allocate(capacity: entryCapacity)
        self.openIDs = .allocate(capacity: openCapacity)
        self.recorder = dispatch == .replayed ? onego_recorder_create(Self.arenaCapacity) : nil
        self.sink.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        entries.deallocate()
        openIDs.deallocate()
        slotOf.deallocate()
        eventsOf.deallocate()
        slotValues.deallocate()
        for buffer in decodedValues { buffer.deallocate() }
        sink.pointee.text.deallocate()
        sink.deallocate()
        onego_recorder_free(recorder)
    }

    /// The character data since the last tag, ``textBytes`` long (slotted handlers only): the sink's.
    var text: UnsafeMutablePointer<UInt8> {
        @inline(__always) get { sink.pointee.text }
        @inline(__always) set { sink.pointee.text = newValue }
    }

    /// The bytes of character data since the last tag, counted against ``XMLLimits/maxTextBytes``.
    var textBytes: Int {
        @inline(__always) get { sink.pointee.count }
        @inline(__always) set { sink.pointee.count = newValue }
    }

    /// The capacity of ``text``.
    var textCapacity: Int {
        @inline(__always) get { sink.pointee.capacity }
        @inline(__always) set { sink.pointee.capacity = newValue }
    }

    /// The arena's first size; it doubles as a piece's events need (at most about 22 times the piece, for a run of
    /// `<a/>`: 1.4 MB for the 64 KiB pieces a recording parse gets) and is kept for the parse.
    static let arenaCapacity = 1 << 16

    /// The interned name with this id (ids come from ``XMLNameIDContentHandler`` callbacks).
    public func name(id: Int) -> XMLName { names.entry(id) }

    /// Records a problem and keeps parsing. Past ``maxDiagnostics`` messages the file is still read to its end (so
    /// every item is counted and checked) but further messages are only counted (``unlistedCount``).
    public func report(_ diagnostic: Diagnostic) {
        guard !aborted else { return }
        guard diagnostics.count < maxDiagnostics else {
            unlistedCount += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    /// How many messages were counted but not kept, past ``maxDiagnostics``.
    public private(set) var unlistedCount = 0

    /// The diagnostics, followed by a warning saying how many messages were not listed, when any were not.
    public var finishedDiagnostics: [Diagnostic] {
        guard unlistedCount > 0 else { return diagnostics }
        return diagnostics + [
            Diagnostic(
                .warning, rule: .xmlTooManyErrors,
                message: "该文件消息过多：只列出前 \(maxDiagnostics) 条，另有 \(unlistedCount) 条未列出；其余事项已全部读取、检查和计数",
                at: SourceLocation(file: file, line: fileLine(1), column: 1))
        ]
    }

    /// Records a fatal problem and stops the parse. Call it from the handler's callbacks.
    public func abort(_ diagnostic: Diagnostic) {
        guard !aborted else { return }
        diagnostics.append(diagnostic)
        aborted = true
        // Not xmlStopParser: in libxml2 2.9 it frees the input buffer, which the XSD validator's SAX plug still reads
        // after this callback returns (a use-after-free valgrind showed on a wrong root namespace). Halting only
        // disables SAX and ends the chunk; the feeding loop then stops and the context is freed afterwards.
        onego_ctxt_halt(parser)
    }

    /// Records a fatal problem reported by libxml2 itself. libxml2 has already stopped delivering events; halting
    /// the parser from inside its error callback would free input it is still using (found by fuzzing).
    func fail(_ diagnostic: Diagnostic) {
        guard !aborted else { return }
        diagnostics.append(diagnostic)
        aborted = true
    }

    /// Whether the parse has been stopped.
    public var isAborted: Bool { aborted }

    /// Where the parser is now (just past the last thing it read).
    public var currentLocation: SourceLocation {
        if let replayed {
            return SourceLocation(
                file: file, line: fileLine(Int(replayed.pointee.line)), column: Int(replayed.pointee.column))
        }
        return SourceLocation(
            file: file, line: fileLine(Int(onego_ctxt_line(parser))), column: Int(onego_ctxt_column(parser)))
    }

    /// Where the tag being reported starts: the `<` of the current start tag during `startElement`, or of the
    /// end tag during `endElement`. Falls back to the parser's position when the buffer no longer holds it. Defined
    /// only during those two callbacks: during `characters` the direct and the replayed dispatch answer differently
    /// (the last tag's `<` against the text's position).
    public var tagLocation: SourceLocation {
        if let replayed {
            return SourceLocation(
                file: file, line: fileLine(Int(replayed.pointee.tag_line)), column: Int(replayed.pointee.tag_column))
        }
        if sink.pointee.tag_starts_at_text_end != 0 && sink.pointee.text_end_line == onego_ctxt_line(parser) {
            // The run of text before the tag ended on its `<` (the direct dispatch's text sink noted where) and the
            // tag lies on that line. A tag over several lines is left to the scan, which counts its column from the
            // line's start as the replayed dispatch does: libxml2's own column can run ahead of the characters (its
            // push parser counts a CDATA section's bytes), which the scan's arithmetic on one line shares but its count
            // from the line's start does not.
            return SourceLocation(
                file: file, line: fileLine(Int(sink.pointee.text_end_line)), column: Int(sink.pointee.text_end_column))
        }
        return scannedTagLocation
    }

    /// ``tagLocation`` found by walking back from the parser's position to the tag's `<`.
    var scannedTagLocation: SourceLocation {
        guard let parser, let cur = onego_ctxt_cur(parser), let base = onego_ctxt_base(parser) else {
            return currentLocation
        }
        let line = Int(onego_ctxt_line(parser))
        let column = Int(onego_ctxt_column(parser))
        // Walk back to the '<' that opened this tag ('<' cannot occur inside attribute values), counting the lines
        // and characters passed.
        guard let (open, newlines, characters) = ByteScan.lastIndexAndCounts(of: 0x3C, from: base, before: cur)
        else { return currentLocation }
        if newlines == 0 {
            return SourceLocation(file: file, line: fileLine(line), column: max(1, column - characters - 1))
        }
        // The tag spans lines: count characters from the start of its first line.
        let lineStart = ByteScan.lastIndex(of: 0x0A, from: base, before: open).map { $0 + 1 } ?? base
        let (_, lead) = ByteScan.newlinesAndCharacters(from: lineStart, to: open)
        return SourceLocation(file: file, line: fileLine(line - newlines), column: lead + 1)
    }
}
