internal import CLibXML2
internal import CLibXML2Events
import OnegoBase

private func session(_ ctx: UnsafeMutableRawPointer?) -> XMLParseContext? {
    guard let ctx else { return nil }
    return Unmanaged<XMLParseContext>.fromOpaque(ctx).takeUnretainedValue()
}

/// The parse context that owns the text sink `ctx` (the parser's user data in the direct dispatch).
@inline(__always)
private func owner(_ ctx: UnsafeMutableRawPointer) -> Unmanaged<XMLParseContext> {
    Unmanaged<XMLParseContext>.fromOpaque(ctx.assumingMemoryBound(to: onego_text_sink.self).pointee.owner)
}

/// Begins a tag callback: the tag starts where the last run of text ended when nothing came between (see
/// `onego_text_sink`), which holds for this callback only.
@inline(__always)
private func enterTag(_ ctx: UnsafeMutableRawPointer) -> UnsafeMutablePointer<onego_text_sink> {
    let sink = ctx.assumingMemoryBound(to: onego_text_sink.self)
    sink.pointee.tag_starts_at_text_end = sink.pointee.text_ends_at_tag
    sink.pointee.text_ends_at_tag = 0
    return sink
}

func onegoStartElement(
    _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
    _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaulted: Int32,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let ctx else { return }
    let sink = enterTag(ctx)
    owner(ctx)._withUnsafeGuaranteedRef {
        $0.startElement(localname: localname, uri: uri, attributeCount: attributeCount, attributes: attributes)
    }
    sink.pointee.tag_starts_at_text_end = 0
}

func onegoEndElement(
    _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let ctx else { return }
    let sink = enterTag(ctx)
    owner(ctx)._withUnsafeGuaranteedRef {
        $0.endElement(localname: localname, uri: uri)
    }
    sink.pointee.tag_starts_at_text_end = 0
}

/// A run of text the sink's C callback (`onego_text_sink_characters`) did not append itself: `owner` is the context.
func onegoTextOverflow(_ owner: UnsafeMutableRawPointer?, _ chars: UnsafePointer<UInt8>?, _ length: Int32) {
    guard let owner, let chars, length > 0 else { return }
    Unmanaged<XMLParseContext>.fromOpaque(owner)._withUnsafeGuaranteedRef { $0.characters(chars, Int(length)) }
}

func onegoInternalSubset(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    guard let ctx else { return }
    owner(ctx)._withUnsafeGuaranteedRef { $0.refuseDoctype() }
}

func onegoParserError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.parserProblem(error)
}

func onegoSchemaError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.schemaProblem(error)
}
