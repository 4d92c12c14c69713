internal import CLibXML2
import OnegoBase

private func session(_ ctx: UnsafeMutableRawPointer?) -> XMLParseContext? {
    guard let ctx else { return nil }
    return Unmanaged<XMLParseContext>.fromOpaque(ctx).takeUnretainedValue()
}

func onegoStartElement(
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

func onegoEndElement(
    _ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
    _ uri: UnsafePointer<xmlChar>?
) {
    guard let ctx else { return }
    Unmanaged<XMLParseContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
        $0.endElement(localname: localname, uri: uri)
    }
}

func onegoCharacters(_ ctx: UnsafeMutableRawPointer?, _ chars: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let ctx, let chars, length > 0 else { return }
    Unmanaged<XMLParseContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.characters(chars, Int(length)) }
}

func onegoInternalSubset(
    _ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ externalID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?
) {
    session(ctx)?.refuseDoctype()
}

func onegoParserError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.parserProblem(error)
}

func onegoSchemaError(_ ctx: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let s = session(ctx), let error else { return }
    s.schemaProblem(error)
}
