internal import CLibXML2
import OnegoBase

extension XMLParseContext {
    /// Creates the libxml2 context, plugs in the validator, feeds the input and tears everything down.
    /// `produce` calls `feed` with each chunk; `feed` returns false once parsing has stopped.
    func run(
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
                abort(Diagnostic(.error, rule: "xml.internal", message: "无法创建 XML 解析器", at: currentLocation))
                return false
            }
            parser = ctxt
            // Not XML_PARSE_NOCDATA: it clears the SAX cdataBlock callback, and the XSD validator's SAX plug then
            // installs a cdataBlock of its own that validates CDATA text without passing it on, so CDATA sections
            // never reached the handler in validating mode. Both callbacks go to `characters` instead (see above).
            xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
            if let schema {
                guard let valid = xmlSchemaNewValidCtxt(schema.pointer) else {
                    abort(Diagnostic(.error, rule: "xml.internal", message: "无法创建 Schema 校验器", at: currentLocation))
                    return false
                }
                validation = valid
                xmlSchemaSetValidStructuredErrors(valid, onegoSchemaError, me)
                xmlSchemaValidateSetFilename(valid, file)
                // The plug must see the context's own fields: it swaps them now and restores them on unplug.
                plug = xmlSchemaSAXPlug(valid, onego_ctxt_sax_field(ctxt), onego_ctxt_user_data_field(ctxt))
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
}
