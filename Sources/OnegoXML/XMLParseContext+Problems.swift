internal import CLibXML2
internal import CLibXML2Events
import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension XMLParseContext {
    func parserProblem(_ error: UnsafePointer<xmlError>) {
        guard !aborted else { return }
        let code = Int(error.pointee.code)
        let raw = error.pointee.message.map { String(cString: $0) } ?? ""
        let declared = onego_ctxt_declared_encoding(parser).map { String(cString: $0) }
        var location =
            error.pointee.line > 0
            ? SourceLocation(file: file, line: fileLine(Int(error.pointee.line)), column: Int(error.pointee.int2))
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
        raise(
            Diagnostic(severity, rule: rule, message: message, at: location),
            isFatal: error.pointee.level == XML_ERR_FATAL)
    }

    /// Reports a problem libxml2 raised (a fatal one stops the parse): at once, or, while a chunk's events are being
    /// recorded, as an event of its own so that it reaches ``diagnostics`` in order with what the handler reports.
    private func raise(_ diagnostic: Diagnostic, isFatal: Bool) {
        if let recorder, replayed == nil {
            // A fatal problem already recorded ends the parse when replayed, which drops anything after it: not
            // keeping it only saves the memory.
            if deferred.last?.isFatal == true { return }
            deferred.append((diagnostic, isFatal))
            onego_recorder_note(recorder, Int64(deferred.count - 1))
        } else if isFatal {
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
        guard let line = documentLine(location.line), location.column > 0 else { return nil }
        let declared = onego_ctxt_declared_encoding(parser).map { String(cString: $0).uppercased() }
        guard declared == nil || declared == "UTF-8" || declared == "UTF8" else { return nil }
        let scalar = readSource {
            SourcePositions.scalar(line: line, column: location.column, chunks: $0)
        }
        guard let scalar = scalar ?? nil, LibXML2Messages.isNotable(scalar) else { return nil }
        return scalar
    }

    /// The error for a start tag over a limit, at its `<`.
    func limitDiagnostic(_ violation: XMLInputScreen.Violation, unitWidth: Int) -> Diagnostic {
        let location: SourceLocation
        if let place = readSource({
            SourcePositions.position(ofByte: violation.offset, unitWidth: unitWidth, chunks: $0)
        }) {
            location = SourceLocation(file: file, line: fileLine(place.line), column: place.column)
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
            return body { visit in _ = FileChunks.forEach(of: fd, visit) }
        case nil:
            return nil
        }
    }

    private func locateEncodingError(_ encoding: String) -> (line: Int, column: Int)? {
        readSource { EncodingErrorLocator.locate(encoding: encoding, chunks: $0) } ?? nil
    }

    func schemaProblem(_ error: UnsafePointer<xmlError>) {
        guard !aborted else { return }
        let raw = error.pointee.message.map { String(cString: $0) } ?? ""
        raise(
            Diagnostic(
                .error, rule: .xmlSchema,
                message: LibXML2Messages.schemaMessage(raw.trimmingTrailingNewlines()),
                at: tagLocation),
            isFatal: false)
    }
}
