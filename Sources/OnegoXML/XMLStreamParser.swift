internal import CLibXML2
public import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A streaming XML parser over libxml2's SAX2 push interface, with optional XSD validation in the same pass.
///
/// It never builds a tree, reads the file in fixed-size chunks, and refuses anything that could reach outside
/// the file: no network (`XML_PARSE_NONET`), no entity substitution, no DTD loading, and any `<!DOCTYPE>` is an
/// error, which also rules out entity-expansion attacks. Every diagnostic carries file, line and column.
///
/// Before libxml2 sees a chunk, its raw bytes are screened in one pass for start tags over ``XMLLimits``'s
/// attribute and length caps (libxml2 2.9 checks duplicate attributes in quadratic time), and lone CR line endings
/// become LF (libxml2 counts lines on LF only). Pipes and devices are read only when ``acceptsStreams`` allows it,
/// and the size cap counts the bytes read. CDATA sections reach ``XMLContentHandler/characters(_:context:)`` like other text.
///
/// The corresponding libxml2 functions are `xmlCreatePushParserCtxt`, `xmlParseChunk` and `xmlSchemaSAXPlug`.
public struct XMLStreamParser: Sendable {
    /// The schema to validate against while parsing, or `nil` for a well-formedness-only ("trusted") parse.
    public var schema: XMLSchema?
    /// Resource limits.
    public var limits: XMLLimits
    /// The most diagnostics kept for one file before the parse gives up.
    public var maxDiagnostics: Int
    /// Whether a pipe or character device may be read as a stream (a catalog the user names, such as `/dev/stdin`
    /// or a shell's `<(…)`). When false (the default: files found in folders, implicitly loaded files), only regular
    /// files are read and anything else is refused without blocking. Sockets and block devices are always refused.
    public var acceptsStreams = false

    /// Creates a parser.
    public init(schema: XMLSchema? = nil, limits: XMLLimits = .default, maxDiagnostics: Int = 200) {
        self.schema = schema
        self.limits = limits
        self.maxDiagnostics = maxDiagnostics
    }

    /// Parses the file at `path`, sending events to `handler`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name used in diagnostics; defaults to `path`.
    /// - Returns: the problems found, in the order found. Parsing stops at the first fatal one.
    ///   - progress: called after each chunk with the number of bytes read so far (for progress displays).
    public func parse(
        contentsOf path: String, displayName: String? = nil, into handler: any XMLContentHandler,
        progress: (_ bytesRead: Int) -> Void = { _ in }
    ) -> [Diagnostic] {
        let name = displayName ?? path
        // O_NONBLOCK: opening a FIFO blocks until a writer appears; look at what the file is first.
        var fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return [FileProblem.diagnostic(errno: errno, path: name)] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return [FileProblem.diagnostic(errno: errno, path: name)] }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return [FileProblem.diagnostic(errno: EISDIR, path: name)]
        }
        if let kind = SpecialFileKind(mode: UInt32(info.st_mode)) {
            guard acceptsStreams, kind.isStream else { return [kind.refusal(path: name, inFolder: false)] }
            // Named on purpose: read it as `cat` would, waiting for the writer of a pipe.
            let blocking = open(path, O_RDONLY | O_CLOEXEC)
            guard blocking >= 0 else { return [FileProblem.diagnostic(errno: errno, path: name)] }
            close(fd)
            fd = blocking
        } else if Int64(info.st_size) > limits.maxFileBytes {
            return [FileProblem.tooLarge(path: name, bytes: Int64(info.st_size), limit: limits.maxFileBytes)]
        }
        let session = XMLParseContext(file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler)
        session.source = .file(path)
        let chunkSize = 1 << 18
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var total = 0
        _ = session.run(schema: schema) { feed in
            while true {
                let n = read(fd, buffer, chunkSize)
                if n < 0 {
                    if errno == EINTR { continue }
                    return FileProblem.diagnostic(errno: errno, path: name)
                }
                if n == 0 { break }
                total += n
                // st_size says nothing for pipes and devices, and a file can grow while it is read: count.
                if Int64(total) > limits.maxFileBytes {
                    return FileProblem.tooLarge(path: name, bytes: nil, limit: limits.maxFileBytes)
                }
                if !feed(UnsafeBufferPointer(start: buffer, count: n)) { return nil }
                progress(total)
            }
            return total == 0 ? FileProblem.emptyFile(path: name) : nil
        }
        return session.finishedDiagnostics
    }

    /// Parses one part of a file planned by ``XMLSplitPlan``: its pieces (the file's own bytes and the tags that
    /// make the part a document) in order, reporting the file's own lines. Encoding errors are not located (plans
    /// are only made for UTF-8 files).
    public func parse(
        part: XMLSplitPlan.Part, of path: String, into handler: any XMLContentHandler,
        progress: (_ bytesRead: Int) -> Void = { _ in }
    ) -> [Diagnostic] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [FileProblem.diagnostic(errno: errno, path: path)] }
        defer { close(fd) }
        let session = XMLParseContext(file: path, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler)
        session.lineOffset = part.lineOffset
        let chunkSize = 1 << 18
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        var total = 0
        _ = session.run(schema: schema) { feed in
            for piece in part.pieces {
                switch piece {
                case .bytes(let bytes):
                    let going = bytes.withUnsafeBufferPointer { feed($0) }
                    if !going { return nil }
                case .file(let range):
                    var offset = range.lowerBound
                    while offset < range.upperBound {
                        let n = pread(fd, buffer, min(chunkSize, range.upperBound - offset), off_t(offset))
                        if n < 0 {
                            if errno == EINTR { continue }
                            return FileProblem.diagnostic(errno: errno, path: path)
                        }
                        if n == 0 { return FileProblem.diagnostic(errno: EIO, path: path) }
                        offset += n
                        total += n
                        if !feed(UnsafeBufferPointer(start: buffer, count: n)) { return nil }
                        progress(total)
                    }
                }
            }
            return nil
        }
        return session.finishedDiagnostics
    }

    /// Parses a document that arrives chunk by chunk from somewhere other than a file (a zip entry being inflated),
    /// without holding it whole: `produce` calls `feed` with each chunk in order and stops when `feed` returns false
    /// (parsing has stopped); it returns a diagnostic when the source itself fails. Encoding errors are not located.
    public func parse(
        streamNamed name: String, into handler: any XMLContentHandler,
        produce: (_ feed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Diagnostic?
    ) -> [Diagnostic] {
        let session = XMLParseContext(file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler)
        var total = 0
        _ = session.run(schema: schema) { feed in
            let failure = withoutActuallyEscaping(feed) { feed in
                produce { chunk in
                    total += chunk.count
                    return feed(chunk)
                }
            }
            return failure ?? (total == 0 ? FileProblem.emptyFile(path: name) : nil)
        }
        return session.finishedDiagnostics
    }

    /// Parses bytes held in memory (tests, fuzzing, standard input).
    public func parse(bytes: [UInt8], name: String, into handler: any XMLContentHandler) -> [Diagnostic] {
        let session = XMLParseContext(file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler)
        session.source = .bytes(bytes)
        _ = session.run(schema: schema) { feed in
            if bytes.isEmpty { return FileProblem.emptyFile(path: name) }
            return bytes.withUnsafeBufferPointer { all in
                var offset = 0
                while offset < all.count {
                    let end = min(all.count, offset + (1 << 18))
                    if !feed(UnsafeBufferPointer(rebasing: all[offset..<end])) { break }
                    offset = end
                }
                return nil
            }
        }
        return session.finishedDiagnostics
    }
}

/// Messages for files that cannot be read at all.
enum FileProblem {
    static func diagnostic(errno code: Int32, path: String) -> Diagnostic {
        Diagnostic(
            .error, rule: .ioRead, message: message(errno: code),
            at: SourceLocation(file: path, line: 0, column: 0))
    }

    /// The Chinese explanation of a failed open or read, followed by the system's own words (errno text).
    static func message(errno code: Int32) -> String {
        let explanation: String
        switch code {
        case ENOENT: explanation = "文件不存在"
        case EACCES, EPERM: explanation = "没有读取该文件的权限"
        case EISDIR: explanation = "这是一个文件夹，不是 XML 文件"
        case ELOOP: explanation = "符号链接形成循环，无法打开"
        case ENXIO: explanation = "无法打开（可能是套接字或没有写入方的设备）"
        default: explanation = "无法读取文件"
        }
        return "\(explanation)（\(String(cString: strerror(code)))）"
    }

    /// A file over the size cap: its size when `stat` knew it, else (a pipe, a growing file) found while reading.
    static func tooLarge(path: String, bytes: Int64?, limit: Int64) -> Diagnostic {
        let message =
            bytes.map { "文件大小 \($0) 字节超过上限 \(limit) 字节" }
            ?? "读取的内容超过上限 \(limit) 字节（管道或正在增长的文件），已停止读取"
        return Diagnostic(
            .error, rule: .xmlLimitFileSize, message: message + "；可用 --max-file-size 调整上限",
            at: SourceLocation(file: path, line: 0, column: 0))
    }

    static func emptyFile(path: String) -> Diagnostic {
        Diagnostic(
            .error, rule: .xmlEmpty, message: "文件为空（0 字节），不是 XML 目录文件",
            at: SourceLocation(file: path, line: 0, column: 0))
    }
}

let libXML2Initialization: Void = { xmlInitParser() }()

func ensureLibXML2Initialized() { _ = libXML2Initialization }

/// The state of one parse, handed to the handler's callbacks: where the parser is, and how to report problems.
public final class XMLParseContext {
    /// The file being parsed, as named in diagnostics.
    public let file: String
    /// The current element depth: 1 inside the root's start tag.
    @exclusivity(unchecked) public fileprivate(set) var depth = 0
    /// Every diagnostic so far.
    @exclusivity(unchecked) public private(set) var diagnostics: [Diagnostic] = []

    let limits: XMLLimits
    let maxDiagnostics: Int
    /// The handler; the caller keeps it alive for the whole parse (unowned(unsafe): no reference counting per event).
    unowned(unsafe) let handler: any XMLContentHandler
    /// The same handler when it takes name ids, else nil.
    unowned(unsafe) let idHandler: (any XMLNameIDContentHandler)?
    @exclusivity(unchecked) fileprivate var parser: xmlParserCtxtPtr?
    @exclusivity(unchecked) fileprivate var aborted = false
    @exclusivity(unchecked) fileprivate var textBytes = 0
    /// Set while libxml2 is told the input has ended: errors then mean a truncated file.
    @exclusivity(unchecked) fileprivate var isFinishing = false
    @exclusivity(unchecked) private var names = NameTable()
    @exclusivity(unchecked) fileprivate var attributeScratch: [XMLAttribute] = []
    /// Reused storage for the attribute entries of a start tag.
    @exclusivity(unchecked) fileprivate var entries: UnsafeMutablePointer<XMLAttributeList.Entry>
    @exclusivity(unchecked) fileprivate var entryCapacity = 32
    /// The encoding the document declared, once known.
    @exclusivity(unchecked) public private(set) var declaredEncoding: String?

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

    init(file: String, limits: XMLLimits, maxDiagnostics: Int, handler: any XMLContentHandler) {
        self.file = file
        self.limits = limits
        self.maxDiagnostics = maxDiagnostics
        self.handler = handler
        self.idHandler = handler as? any XMLNameIDContentHandler
        self.entries = .allocate(capacity: entryCapacity)
    }

    deinit { entries.deallocate() }

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
                at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
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
    fileprivate func fail(_ diagnostic: Diagnostic) {
        guard !aborted else { return }
        diagnostics.append(diagnostic)
        aborted = true
    }

    /// Whether the parse has been stopped.
    public var isAborted: Bool { aborted }

    /// Where the parser is now (just past the last thing it read).
    public var currentLocation: SourceLocation {
        SourceLocation(
            file: file, line: Int(onego_ctxt_line(parser)) + lineOffset, column: Int(onego_ctxt_column(parser)))
    }

    /// Where the tag being reported starts: the `<` of the current start tag during `startElement`, or of the
    /// end tag during `endElement`. Falls back to the parser's position when the buffer no longer holds it.
    public var tagLocation: SourceLocation {
        guard let parser, let cur = onego_ctxt_cur(parser), let base = onego_ctxt_base(parser) else {
            return currentLocation
        }
        let line = Int(onego_ctxt_line(parser)) + lineOffset
        let column = Int(onego_ctxt_column(parser))
        // Walk back to the '<' that opened this tag; '<' cannot occur inside attribute values.
        guard let open = ByteScan.lastIndex(of: 0x3C, from: base, before: cur) else { return currentLocation }
        let (newlines, characters) = ByteScan.newlinesAndCharacters(from: open + 1, to: cur)
        if newlines == 0 {
            return SourceLocation(file: file, line: line, column: max(1, column - characters - 1))
        }
        // The tag spans lines: count characters from the start of its first line.
        let lineStart = ByteScan.lastIndex(of: 0x0A, from: base, before: open).map { $0 + 1 } ?? base
        let (_, lead) = ByteScan.newlinesAndCharacters(from: lineStart, to: open)
        return SourceLocation(file: file, line: line - newlines, column: lead + 1)
    }

    // MARK: Running

    /// Creates the libxml2 context, plugs in the validator, feeds the input and tears everything down.
    /// `produce` calls `feed` with each chunk; `feed` returns false once parsing has stopped.
    fileprivate func run(
        schema: XMLSchema?,
        produce: (_ feed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Diagnostic?
    ) -> Bool {
        ensureLibXML2Initialized()
        let me = Unmanaged.passUnretained(self).toOpaque()
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = onegoStartElement
        sax.endElementNs = onegoEndElement
        sax.characters = onegoCharacters
        sax.cdataBlock = onegoCharacters
        sax.internalSubset = onegoInternalSubset

        // All parser errors of this thread come to us while this parse runs (libxml2 2.9 keeps the
        // structured handler per thread; the parse is synchronous, so nothing else runs here meanwhile).
        xmlSetStructuredErrorFunc(me, onegoParserError)
        xmlSetGenericErrorFunc(nil, nil)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        var started = false
        var pending: [UInt8] = []
        var validation: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        defer {
            if let plug { xmlSchemaSAXUnplug(plug) }
            if let validation { xmlSchemaFreeValidCtxt(validation) }
            if let parser { xmlFreeParserCtxt(parser) }
            parser = nil
        }

        func start(with first: UnsafeBufferPointer<UInt8>) -> Bool {
            // libxml2 reads the first bytes to detect the encoding (BOM, UTF-16) before the declaration.
            let ctxt = first.withMemoryRebound(to: CChar.self) { chars in
                xmlCreatePushParserCtxt(&sax, me, chars.baseAddress, Int32(chars.count), file)
            }
            guard let ctxt else {
                abort(Diagnostic(.error, rule: .xmlInternal, message: "无法创建 XML 解析器", at: currentLocation))
                return false
            }
            parser = ctxt
            // Not XML_PARSE_NOCDATA: it clears the SAX cdataBlock callback, and the XSD validator's SAX plug then
            // installs a cdataBlock of its own that validates CDATA text without passing it on, so CDATA sections
            // never reached the handler in validating mode. Both callbacks go to `characters` instead (see above).
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
            if let schema {
                guard let valid = xmlSchemaNewValidCtxt(schema.pointer) else {
                    abort(Diagnostic(.error, rule: .xmlInternal, message: "无法创建 Schema 校验器", at: currentLocation))
                    return false
                }
                validation = valid
                xmlSchemaSetValidStructuredErrors(valid, onegoSchemaError, me)
                xmlSchemaValidateSetFilename(valid, file)
                // The plug must see the context's own fields: it swaps them now and restores them on unplug.
                let raw = UnsafeMutableRawPointer(ctxt)
                guard let saxOffset = MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.sax),
                    let userDataOffset = MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.userData)
                else { return false }
                let saxField = (raw + saxOffset).assumingMemoryBound(to: UnsafeMutablePointer<xmlSAXHandler>?.self)
                let userDataField = (raw + userDataOffset).assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
                plug = xmlSchemaSAXPlug(valid, saxField, userDataField)
            }
            return true
        }

        /// Hands libxml2 the next bytes (already screened), creating the parser with the first four.
        func deliver(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
            if aborted { return false }
            var chunk = chunk
            if !started {
                // Hand libxml2 at least four bytes at creation so it can sniff the encoding.
                if pending.isEmpty && chunk.count >= 4 {
                    guard start(with: UnsafeBufferPointer(rebasing: chunk[0..<4])) else { return false }
                    started = true
                    chunk = UnsafeBufferPointer(rebasing: chunk[4...])
                } else {
                    pending.append(contentsOf: chunk)
                    guard pending.count >= 4 else { return true }
                    let ok = pending.withUnsafeBufferPointer { start(with: $0) }
                    guard ok else { return false }
                    started = true
                    pending = []
                    return !aborted
                }
            }
            guard let parser, chunk.count > 0 else { return !aborted }
            chunk.withMemoryRebound(to: CChar.self) { chars in
                _ = xmlParseChunk(parser, chars.baseAddress, Int32(chars.count), 0)
            }
            return !aborted
        }

        /// Line endings made LF, unless the encoding is not ASCII-compatible.
        func normalizeAndDeliver(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
            guard screen.codeUnitWidth == 1, let rewritten = lineEndings.normalize(chunk) else { return deliver(chunk) }
            return rewritten.withUnsafeBufferPointer { deliver($0) }
        }

        var screen = XMLInputScreen(limits: limits)
        var lineEndings = LineEndings()
        var screened = 0
        let failure = produce { chunk in
            if aborted { return false }
            guard let violation = screen.screen(chunk) else {
                screened += chunk.count
                return normalizeAndDeliver(chunk)
            }
            // Parse what comes before the offending tag (earlier problems come first), then stop before it.
            let before = min(max(0, violation.offset - screened), chunk.count)
            if before > 0 { _ = normalizeAndDeliver(UnsafeBufferPointer(rebasing: chunk[0..<before])) }
            if !aborted { fail(limitDiagnostic(violation, unitWidth: screen.codeUnitWidth)) }
            return false
        }
        if let failure {
            diagnostics.append(failure)
            return false
        }
        if !started && !aborted {
            // Fewer than four bytes in all.
            let ok = pending.withUnsafeBufferPointer { start(with: $0) }
            guard ok else { return false }
        }
        if let parser, !aborted {
            isFinishing = true
            _ = xmlParseChunk(parser, nil, 0, 1)
            isFinishing = false
        }
        if let parser, let encoding = onego_ctxt_declared_encoding(parser) {
            declaredEncoding = String(cString: encoding)
        }
        return !diagnostics.containsErrors
    }

    // MARK: Events

    fileprivate func nameID(local: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> Int {
        names.id(local: UnsafeRawPointer(local), uri: UnsafeRawPointer(uri)) {
            XMLName(
                id: $0,
                localName: local.map { String(cString: $0) } ?? "",
                namespaceURI: uri.map { String(cString: $0) } ?? "")
        }
    }

    fileprivate func startElement(
        localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int32,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !aborted else { return }
        depth += 1
        textBytes = 0
        if depth > limits.maxDepth {
            abort(
                Diagnostic(
                    .error, rule: .xmlLimitDepth,
                    message: "元素嵌套超过 \(limits.maxDepth) 层，目录文件不应如此之深", at: tagLocation))
            return
        }
        let elementID = nameID(local: localname, uri: uri)
        var decoded: [UnsafeMutableBufferPointer<UInt8>] = []
        defer { for buffer in decoded { buffer.deallocate() } }
        var count = 0
        if let attributes, attributeCount > 0 {
            let total = Int(attributeCount)
            if total > entryCapacity {
                entries.deallocate()
                entryCapacity = max(total, entryCapacity * 2)
                entries = .allocate(capacity: entryCapacity)
            }
            for i in 0..<total {
                let base = attributes + i * 5
                let attributeID = nameID(local: base[0], uri: base[2])
                guard let start = base[3], let end = base[4] else { continue }
                var value = UnsafeBufferPointer(start: UnsafePointer<UInt8>(start), count: end - start)
                if memchr(start, 0x26, end - start) != nil, let unescaped = decodeAmpersands(value) {
                    decoded.append(unescaped)
                    value = UnsafeBufferPointer(unescaped)
                }
                (entries + count).initialize(to: XMLAttributeList.Entry(nameID: attributeID, value: value))
                count += 1
            }
        }
        if let idHandler {
            idHandler.startElement(
                nameID: elementID, attributes: XMLAttributeList(UnsafeBufferPointer(start: entries, count: count)),
                context: self)
            return
        }
        attributeScratch.removeAll(keepingCapacity: true)
        for entry in UnsafeBufferPointer(start: entries, count: count) {
            attributeScratch.append(XMLAttribute(name: names.entry(entry.nameID), value: entry.value))
        }
        handler.startElement(names.entry(elementID), attributes: attributeScratch, context: self)
    }

    fileprivate func endElement(localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) {
        guard !aborted else { return }
        textBytes = 0
        let id = nameID(local: localname, uri: uri)
        if let idHandler {
            idHandler.endElement(nameID: id, context: self)
        } else {
            handler.endElement(names.entry(id), context: self)
        }
        depth -= 1
    }

    fileprivate func characters(_ chars: UnsafePointer<xmlChar>, _ length: Int) {
        guard !aborted else { return }
        textBytes += length
        if textBytes > limits.maxTextBytes {
            abort(
                Diagnostic(
                    .error, rule: .xmlLimitText,
                    message: "元素文本超过 \(limits.maxTextBytes) 字节上限", at: currentLocation))
            return
        }
        handler.characters(UnsafeBufferPointer(start: chars, count: length), context: self)
    }

    fileprivate func parserProblem(_ error: UnsafePointer<xmlError>) {
        guard !aborted else { return }
        let code = Int(error.pointee.code)
        let raw = error.pointee.message.map { String(cString: $0) } ?? ""
        let declared = onego_ctxt_declared_encoding(parser).map { String(cString: $0) }
        var location =
            error.pointee.line > 0
            ? SourceLocation(file: file, line: Int(error.pointee.line) + lineOffset, column: Int(error.pointee.int2))
            : currentLocation
        // Encoding-conversion errors come without a position (libxml2 converts whole chunks before parsing them):
        // find the first unconvertible byte by reading the document again.
        if (6000...6099).contains(code), let declared, let place = locateEncodingError(declared) {
            location = SourceLocation(file: file, line: place.line, column: place.column)
        }
        if location.line > 0 && location.column <= 0 { location.column = 1 }
        let severity: Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        let original = raw.trimmingTrailingNewlines().replacingNewlines()
        var message = LibXML2Messages.parserMessage(
            code: code, original: original, atEndOfInput: isFinishing, declaredEncoding: declared)
        var rule = LibXML2Messages.rule(forParserCode: code)
        // A character XML does not allow (or not there) is named with its code point, not blamed on the encoding.
        if !isFinishing, !LibXML2Messages.isEncodingMismatch(original),
            let scalar = offendingCharacter(original, location)
        {
            (rule, message) = LibXML2Messages.characterMessage(scalar, code: code, original: original)
        }
        let diagnostic = Diagnostic(severity, rule: rule, message: message, at: location)
        if error.pointee.level == XML_ERR_FATAL {
            fail(diagnostic)
        } else {
            report(diagnostic)
        }
    }

    /// The character a parser error is about: the value libxml2 names (`PCDATA invalid Char value 11`,
    /// `xmlParseCharRef: invalid xmlChar value 0`), else the character at the error's position when it is one a reader
    /// cannot see (read again from a UTF-8 source).
    private func offendingCharacter(_ original: String, _ location: SourceLocation) -> Unicode.Scalar? {
        if let value = LibXML2Messages.characterValue(in: original) {
            return Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)
        }
        guard location.line > lineOffset, location.column > 0 else { return nil }
        let declared = onego_ctxt_declared_encoding(parser).map { String(cString: $0).uppercased() }
        guard declared == nil || declared == "UTF-8" || declared == "UTF8" else { return nil }
        let scalar = readSource {
            SourcePositions.scalar(line: location.line - lineOffset, column: location.column, chunks: $0)
        }
        guard let scalar = scalar ?? nil, LibXML2Messages.isNotable(scalar) else { return nil }
        return scalar
    }

    /// The error for a start tag over a limit, at its `<`.
    private func limitDiagnostic(_ violation: XMLInputScreen.Violation, unitWidth: Int) -> Diagnostic {
        let location: SourceLocation
        if let place = readSource({
            SourcePositions.position(ofByte: violation.offset, unitWidth: unitWidth, chunks: $0)
        }) {
            location = SourceLocation(file: file, line: place.line + lineOffset, column: place.column)
        } else {
            location = currentLocation
        }
        switch violation.kind {
        case .tooManyAttributes:
            return Diagnostic(
                .error, rule: .xmlLimitAttributes,
                message: "元素 <\(violation.element)> 的属性超过 \(limits.maxAttributes) 个上限：onego 的各类文件中没有元素需要这么多属性"
                    + "（文件可能损坏或为恶意构造），已停止解析",
                at: location)
        case .startTagTooLong:
            return Diagnostic(
                .error, rule: .xmlLimitStartTag,
                message: "元素 <\(violation.element)> 的开始标签超过 \(limits.maxStartTagBytes) 字节上限"
                    + "（文件可能损坏或为恶意构造），已停止解析",
                at: location)
        }
    }

    /// Reads the document's bytes again from the start (files and in-memory documents; parts of files are not
    /// re-read) and hands them to `body`, chunk by chunk.
    private func readSource<T>(_ body: (_ chunks: (_ visit: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void) -> T?)
        -> T?
    {
        switch source {
        case .bytes(let bytes):
            return body { visit in _ = bytes.withUnsafeBufferPointer { visit($0) } }
        case .file(let path):
            // Only regular files can be read twice (a pipe's bytes are gone).
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
            defer { buffer.deallocate() }
            return body { visit in
                while true {
                    let count = read(fd, buffer, 1 << 20)
                    if count <= 0 || !visit(UnsafeBufferPointer(start: buffer, count: count)) { return }
                }
            }
        case nil:
            return nil
        }
    }

    private func locateEncodingError(_ encoding: String) -> (line: Int, column: Int)? {
        readSource { EncodingErrorLocator.locate(encoding: encoding, chunks: $0) } ?? nil
    }

    fileprivate func schemaProblem(_ error: UnsafePointer<xmlError>) {
        guard !aborted else { return }
        let raw = error.pointee.message.map { String(cString: $0) } ?? ""
        report(
            Diagnostic(
                .error, rule: .xmlSchema,
                message: LibXML2Messages.schemaMessage(raw.trimmingTrailingNewlines()),
                at: tagLocation))
    }
}

/// Byte scans over the parser's buffer, eight bytes at a time (start tags of catalog items run to hundreds of bytes,
/// and every item and material records where its tag starts).
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `x` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// The last `byte` in `[start, end)`.
    static func lastIndex(of byte: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        let pattern = UInt64(byte) &* ones
        var p = end
        while p - start >= 8 {
            p -= 8
            let hits = zeroBytes(word(p) ^ pattern)
            if hits != 0 { return p + (63 - hits.leadingZeroBitCount) / 8 }
        }
        while p > start {
            p -= 1
            if p.pointee == byte { return p }
        }
        return nil
    }

    /// The newlines and the UTF-8 characters (bytes that are not continuation bytes) in `[start, end)`.
    static func newlinesAndCharacters(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>)
        -> (newlines: Int, characters: Int)
    {
        let newline = 0x0A * ones
        var newlines = 0
        var continuations = 0
        var p = start
        while end - p >= 8 {
            let w = word(p)
            newlines &+= zeroBytes(w ^ newline).nonzeroBitCount
            continuations &+= (w & ~(w << 1) & highs).nonzeroBitCount
            p += 8
        }
        while p < end {
            newlines &+= p.pointee == 0x0A ? 1 : 0
            continuations &+= p.pointee & 0xC0 == 0x80 ? 1 : 0
            p += 1
        }
        return (newlines, (end - start) - continuations)
    }
}

/// Interned names keyed by libxml2's dictionary pointers: within one parse, libxml2 hands out the same pointer for
/// the same name, so a pointer pair identifies a name without hashing its characters.
private struct NameTable {
    private var keys: [(local: UnsafeRawPointer?, uri: UnsafeRawPointer?)] = Array(repeating: (nil, nil), count: 256)
    private var slots: [Int32] = Array(repeating: -1, count: 256)
    private var entries: [XMLName] = []

    func entry(_ id: Int) -> XMLName { entries[id] }

    mutating func id(local: UnsafeRawPointer?, uri: UnsafeRawPointer?, make: (Int) -> XMLName) -> Int {
        var mask = slots.count - 1
        var slot = Self.slot(local, uri, mask)
        while slots[slot] >= 0 {
            if keys[slot].local == local && keys[slot].uri == uri { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        let made = make(entries.count)
        entries.append(made)
        if entries.count * 2 > slots.count {
            rehash(doubling: true)
            mask = slots.count - 1
            slot = Self.slot(local, uri, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
        }
        keys[slot] = (local, uri)
        slots[slot] = Int32(made.id)
        return made.id
    }

    private mutating func rehash(doubling: Bool) {
        let old = zip(keys, slots).filter { $0.1 >= 0 }
        let count = slots.count * 2
        keys = Array(repeating: (nil, nil), count: count)
        slots = Array(repeating: -1, count: count)
        for (key, id) in old {
            var slot = Self.slot(key.local, key.uri, count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (count - 1) }
            keys[slot] = key
            slots[slot] = id
        }
    }

    private static func slot(_ local: UnsafeRawPointer?, _ uri: UnsafeRawPointer?, _ mask: Int) -> Int {
        let a = UInt(bitPattern: local.map { Int(bitPattern: $0) } ?? 0)
        let b = UInt(bitPattern: uri.map { Int(bitPattern: $0) } ?? 0)
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 17) & mask
    }
}

private func session(_ ctx: UnsafeMutableRawPointer?) -> XMLParseContext? {
    guard let ctx else { return nil }
    return Unmanaged<XMLParseContext>.fromOpaque(ctx).takeUnretainedValue()
}

private func onegoStartElement(
    _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
    _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaulted: Int32,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let ctx else { return }
    Unmanaged<XMLParseContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
        $0.startElement(localname: localname, uri: uri, attributeCount: attributeCount, attributes: attributes)
    }
}

/// Without entity substitution, libxml2's SAX2 keeps an escaped ampersand in attribute values as `&#38;` (so a tree
/// builder can re-parse it); every other reference arrives decoded. Turns each `&#38;` back into `&`.
private func decodeAmpersands(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8>? {
    let pattern: [UInt8] = Array("&#38;".utf8)
    let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: value.count)
    var i = 0
    var n = 0
    while i < value.count {
        if value[i] == UInt8(ascii: "&"), i + pattern.count <= value.count,
            value[i..<(i + pattern.count)].elementsEqual(pattern)
        {
            output[n] = UInt8(ascii: "&")
            i += pattern.count
        } else {
            output[n] = value[i]
            i += 1
        }
        n += 1
    }
    return UnsafeMutableBufferPointer(rebasing: output[0..<n])
}

private func onegoEndElement(
    _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let ctx else { return }
    Unmanaged<XMLParseContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
        $0.endElement(localname: localname, uri: uri)
    }
}

private func onegoCharacters(_ ctx: UnsafeMutableRawPointer?, _ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let ctx, let chars, length > 0 else { return }
    Unmanaged<XMLParseContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.characters(chars, Int(length)) }
}

private func onegoInternalSubset(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    guard let s = session(ctx) else { return }
    s.abort(
        Diagnostic(
            .error, rule: .xmlDoctype,
            message: "文件含有 <!DOCTYPE> 声明：目录文件不允许 DTD 和实体声明（防止外部实体注入与实体膨胀攻击）",
            at: s.tagLocation))
}

private func onegoParserError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.parserProblem(error)
}

private func onegoSchemaError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.schemaProblem(error)
}
