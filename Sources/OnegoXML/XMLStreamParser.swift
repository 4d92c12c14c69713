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
    /// How libxml2's events reach the handler: replayed after each chunk or called from inside libxml2's callbacks;
    /// by default replayed when validating (see ``XMLEventDispatch/automatic``). Every dispatch gives the handler the
    /// same events and diagnostics, and the same positions wherever they are defined (see
    /// ``XMLParseContext/tagLocation``).
    public var dispatch: XMLEventDispatch = .automatic

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
        let session = XMLParseContext(
            file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler,
            dispatch: dispatch.resolved(isValidating: schema != nil))
        session.source = .file(path)
        var total = 0
        _ = session.run(schema: schema) { feed in
            var problem: Diagnostic?
            let failed = FileChunks.forEach(of: fd) { chunk in
                total += chunk.count
                // st_size says nothing for pipes and devices, and a file can grow while it is read: count.
                if Int64(total) > limits.maxFileBytes {
                    problem = FileProblem.tooLarge(path: name, bytes: nil, limit: limits.maxFileBytes)
                    return false
                }
                guard feed(chunk) else { return false }
                progress(total)
                return true
            }
            if let failed { return FileProblem.diagnostic(errno: failed, path: name) }
            if let problem { return problem }
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
        let session = XMLParseContext(
            file: path, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler,
            dispatch: dispatch.resolved(isValidating: schema != nil))
        session.lineOffset = part.lineOffset
        var total = 0
        _ = session.run(schema: schema) { feed in
            for piece in part.pieces {
                var going = true
                switch piece {
                case .bytes(let bytes):
                    going = bytes.withUnsafeBufferPointer { feed($0) }
                case .file(let range):
                    let failed = FileChunks.forEach(of: fd, in: range) { chunk in
                        total += chunk.count
                        going = feed(chunk)
                        if going { progress(total) }
                        return going
                    }
                    if let failed { return FileProblem.diagnostic(errno: failed, path: path) }
                }
                if !going { return nil }
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
        let session = XMLParseContext(
            file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler,
            dispatch: dispatch.resolved(isValidating: schema != nil))
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

    /// Parses bytes held in memory (tests, fuzzing, standard input, a file with some of its lines left out).
    ///
    /// - Parameter lineMap: when `bytes` are a file with whole lines left out, maps the lines of `bytes` to the
    ///   file's, so every location reported (and every ``XMLParseContext/tagLocation``) names the file's own line.
    public func parse(
        bytes: [UInt8], name: String, lineMap: XMLLineMap? = nil, into handler: any XMLContentHandler
    ) -> [Diagnostic] {
        let session = XMLParseContext(
            file: name, limits: limits, maxDiagnostics: maxDiagnostics, handler: handler,
            dispatch: dispatch.resolved(isValidating: schema != nil))
        session.source = .bytes(bytes)
        session.lineMap = lineMap
        _ = session.run(schema: schema) { feed in
            if bytes.isEmpty { return FileProblem.emptyFile(path: name) }
            return bytes.withUnsafeBufferPointer { all in
                var offset = 0
                while offset < all.count {
                    let end = min(all.count, offset + FileChunks.chunkSize)
                    if !feed(UnsafeBufferPointer(rebasing: all[offset..<end])) { break }
                    offset = end
                }
                return nil
            }
        }
        return session.finishedDiagnostics
    }
}
