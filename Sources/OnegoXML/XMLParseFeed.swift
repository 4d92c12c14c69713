internal import CLibXML2
internal import CLibXML2Events
import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Feeds one document's chunks to libxml2 for an ``XMLParseContext``: screens each chunk for hostile sizes,
/// normalizes line endings, creates the push parser (and the schema validator's SAX plug) from the first bytes,
/// and frees them all when done.
final class XMLParseFeed {
    /// The context whose parse this is; it owns the feed for the whole run.
    unowned(unsafe) let context: XMLParseContext
    let schema: XMLSchema?
    private var sax = xmlSAXHandler()
    private var started = false
    /// Bytes held back until four have arrived (libxml2 sniffs the encoding from them).
    private var pending: [UInt8] = []
    private var validation: xmlSchemaValidCtxtPtr?
    private var plug: xmlSchemaSAXPlugPtr?
    private var screen: XMLInputScreen
    private var lineEndings = LineEndings()
    /// Bytes screened and handed on so far.
    private var screened = 0
    /// The most bytes handed to libxml2 at once while its events are recorded.
    static let recordedPiece = 64 * 1024
    /// The most bytes of a document handed to libxml2 in its first call: a handler that stops at the root (another
    /// onego document skipped in a folder) stops the parse there. After a halt libxml2 still reads what it was
    /// given, without events: a whole first chunk (256 KiB) cost a warm audit's search for matters among its
    /// catalog files 96 M instructions at 20,000 items.
    static let firstPiece = 8 * 1024
    /// Whether libxml2 has been given anything past the bytes it was created with.
    private var isPastFirstPiece = false

    init(context: XMLParseContext, schema: XMLSchema?) {
        self.context = context
        self.schema = schema
        screen = XMLInputScreen(limits: context.limits)
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        if context.recorder != nil {
            withUnsafeMutablePointer(to: &sax) { onego_recorder_install($0) }
        } else {
            sax.startElementNs = onegoStartElement
            sax.endElementNs = onegoEndElement
            withUnsafeMutablePointer(to: &sax) { onego_text_sink_install($0) }
            sax.internalSubset = onegoInternalSubset
        }
    }

    /// Frees the validator, its plug and the parser.
    func tearDown() {
        if let plug { xmlSchemaSAXUnplug(plug) }
        if let validation { xmlSchemaFreeValidCtxt(validation) }
        if let parser = context.parser { xmlFreeParserCtxt(parser) }
        context.recorder?.pointee.parser = nil
        plug = nil
        validation = nil
        context.parser = nil
    }

    /// Screens the next chunk and hands it on; false once parsing has stopped. A tag that breaks a limit stops the
    /// parse just before it, after what comes before it was parsed (earlier problems come first).
    func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if context.aborted { return false }
        if !context.sawAmpersandByte, let base = chunk.baseAddress, memchr(base, 0x26, chunk.count) != nil {
            context.sawAmpersandByte = true
            context.valuesMayHoldReferences = true
        }
        guard let violation = screen.screen(chunk) else {
            screened += chunk.count
            return normalizeAndDeliver(chunk)
        }
        let before = min(max(0, violation.offset - screened), chunk.count)
        if before > 0 { _ = normalizeAndDeliver(UnsafeBufferPointer(rebasing: chunk[0..<before])) }
        if !context.aborted { context.fail(context.limitDiagnostic(violation, unitWidth: screen.codeUnitWidth)) }
        return false
    }

    /// Ends the input: creates the parser for a document of fewer than four bytes, then tells libxml2 the input
    /// ended (its errors then mean a truncated file).
    func finish() {
        if !started && !context.aborted {
            guard pending.withUnsafeBufferPointer({ start(with: $0) }) else { return }
        }
        if let parser = context.parser, !context.aborted {
            context.isFinishing = true
            _ = xmlParseChunk(parser, nil, 0, 1)
            context.isFinishing = false
            context.replayRecorded()
        }
        if let parser = context.parser, let encoding = onego_ctxt_declared_encoding(parser) {
            context.declaredEncoding = String(cString: encoding)
        }
    }

    /// Line endings made LF, unless the encoding is not ASCII-compatible.
    private func normalizeAndDeliver(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard screen.codeUnitWidth == 1, let rewritten = lineEndings.normalize(chunk) else { return deliver(chunk) }
        return rewritten.withUnsafeBufferPointer { deliver($0) }
    }

    /// Hands libxml2 the next bytes (already screened), creating the parser with the first four.
    private func deliver(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if context.aborted { return false }
        var chunk = chunk
        if !started {
            // Hand libxml2 at least four bytes at creation so it can sniff the encoding.
            if pending.isEmpty && chunk.count >= 4 {
                guard start(with: UnsafeBufferPointer(rebasing: chunk[0..<4])) else { return false }
                chunk = UnsafeBufferPointer(rebasing: chunk[4...])
            } else {
                pending.append(contentsOf: chunk)
                guard pending.count >= 4 else { return true }
                guard pending.withUnsafeBufferPointer({ start(with: $0) }) else { return false }
                pending = []
                return !context.aborted
            }
        }
        guard let parser = context.parser, chunk.count > 0 else { return !context.aborted }
        // A recorded event takes 40 bytes or more however short its text (`<a/>` is 4 bytes, 88 recorded), so a
        // recording parse gets pieces of at most 64 KiB: the arena stays near 1.5 MB per parsing thread, and an
        // abort takes effect after at most one piece (measured no slower than 256 KiB pieces, RESULTS session 13).
        let piece = context.recorder == nil ? chunk.count : Self.recordedPiece
        var offset = 0
        while offset < chunk.count && !context.aborted {
            let size = isPastFirstPiece ? piece : min(piece, Self.firstPiece)
            isPastFirstPiece = true
            let part = UnsafeBufferPointer(rebasing: chunk[offset..<min(chunk.count, offset + size)])
            part.withMemoryRebound(to: CChar.self) { chars in
                _ = xmlParseChunk(parser, chars.baseAddress, Int32(chars.count), 0)
            }
            context.replayRecorded()
            offset += size
        }
        return !context.aborted
    }

    /// Creates the push parser from the document's first bytes (libxml2 reads them to detect the encoding, BOM or
    /// UTF-16, before the declaration) and plugs in the validator.
    private func start(with first: UnsafeBufferPointer<UInt8>) -> Bool {
        let me = Unmanaged.passUnretained(context).toOpaque()
        // Recording callbacks get the recorder, direct ones the text sink; the error callbacks always get the context.
        let userData = context.recorder.map { UnsafeMutableRawPointer($0) } ?? UnsafeMutableRawPointer(context.sink)
        let ctxt = first.withMemoryRebound(to: CChar.self) { chars in
            xmlCreatePushParserCtxt(&sax, userData, chars.baseAddress, Int32(chars.count), context.file)
        }
        context.recorder?.pointee.parser = UnsafeMutableRawPointer(ctxt)
        defer { context.replayRecorded() }
        guard let ctxt else {
            context.abort(
                Diagnostic(.error, rule: .xmlInternal, message: "无法创建 XML 解析器", at: context.currentLocation))
            return false
        }
        context.parser = ctxt
        started = true
        // Not XML_PARSE_NOCDATA: it clears the SAX cdataBlock callback, and the XSD validator's SAX plug then
        // installs a cdataBlock of its own that validates CDATA text without passing it on, so CDATA sections
        // never reached the handler in validating mode. Both callbacks deliver text instead (see above).
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
        guard let schema else { return true }
        guard let valid = xmlSchemaNewValidCtxt(schema.pointer) else {
            context.abort(
                Diagnostic(.error, rule: .xmlInternal, message: "无法创建 Schema 校验器", at: context.currentLocation))
            return false
        }
        validation = valid
        xmlSchemaSetValidStructuredErrors(valid, onegoSchemaError, me)
        xmlSchemaValidateSetFilename(valid, context.file)
        // The plug must see the context's own fields: it swaps them now and restores them on unplug.
        plug = xmlSchemaSAXPlug(valid, onego_ctxt_sax_field(ctxt), onego_ctxt_user_data_field(ctxt))
        return true
    }
}
