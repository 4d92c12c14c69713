internal import CLibXML2
public import OnegoBase

/// A compiled W3C XML Schema, loaded once and shared by any number of parses (also across threads:
/// a compiled schema is read-only; each parse makes its own validation context).
///
/// The corresponding libxml2 functions are `xmlSchemaNewParserCtxt` and `xmlSchemaParse`.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// The file the schema was read from, or the name of a schema compiled from memory.
    public let path: String

    /// Compiles the schema at `path`.
    ///
    /// - Throws: a ``Diagnostic`` with rule `xml.schema-file` when the file is missing or not a valid XSD.
    public convenience init(contentsOf path: String) throws(Diagnostic) {
        ensureLibXML2Initialized()
        try self.init(name: path, parserContext: xmlSchemaNewParserCtxt(path))
    }

    /// Compiles a schema held in memory (a schema built into the binary), named `name` in diagnostics.
    ///
    /// The schema must be self-contained: an `xs:include` or `xs:import` with a relative `schemaLocation` would be
    /// resolved against the working directory, not against other schemas in memory.
    /// The corresponding libxml2 function is `xmlSchemaNewMemParserCtxt`.
    ///
    /// - Throws: a ``Diagnostic`` with rule `xml.schema-file` when the bytes are not a valid XSD.
    public convenience init(bytes: [UInt8], name: String) throws(Diagnostic) {
        ensureLibXML2Initialized()
        // libxml2 keeps the pointer until `xmlSchemaParse` reads it: the copy lives until the schema is compiled.
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(1, bytes.count))
        defer { copy.deallocate() }
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        try self.init(name: name, parserContext: xmlSchemaNewMemParserCtxt(copy.baseAddress, Int32(bytes.count)))
    }

    /// Compiles the schema a parser context reads, taking ownership of the context.
    private init(name path: String, parserContext: xmlSchemaParserCtxtPtr?) throws(Diagnostic) {
        guard let parserContext else {
            throw Diagnostic(
                .error, rule: .xmlSchemaFile, message: "无法读取 Schema 文件",
                at: SourceLocation(file: path, line: 0, column: 0))
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collector = ErrorCollector(file: path)
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(parserContext, collectSchemaError, box)
        // Resolving the schema's own imports must never reach the network either.
        xmlSetStructuredErrorFunc(box, collectSchemaError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let schema = xmlSchemaParse(parserContext) else {
            let detail = collector.messages.first ?? "未知原因"
            throw Diagnostic(
                .error, rule: .xmlSchemaFile, message: "Schema 文件无效：\(detail)",
                at: collector.location ?? SourceLocation(file: path, line: 0, column: 0))
        }
        self.pointer = schema
        self.path = path
    }

    deinit { xmlSchemaFree(pointer) }
}

/// Collects messages while compiling a schema.
private final class ErrorCollector {
    let file: String
    var messages: [String] = []
    var location: SourceLocation?
    init(file: String) { self.file = file }
}

private func collectSchemaError(_ data: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let data, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(data).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? ""
    collector.messages.append(message.trimmingTrailingNewlines())
    if collector.location == nil {
        let file = error.pointee.file.map { String(cString: $0) } ?? collector.file
        // libxml2 gives schema-parser errors a line but often no column: point at the line's start.
        let line = Int(error.pointee.line)
        let column = line > 0 ? max(1, Int(error.pointee.int2)) : 0
        collector.location = SourceLocation(file: file, line: line, column: column)
    }
}

extension String {
    /// Joins a multi-line libxml2 message into one line.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }

    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline || last == " " { s.removeLast() }
        return String(s)
    }
}
