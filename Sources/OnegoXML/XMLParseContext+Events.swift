internal import CLibXML2
import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension XMLParseContext {
    /// The id of an element or attribute name: a probe of the name table inlined here, the name made only the first
    /// time (out of line).
    @inline(__always)
    func nameID(local: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> Int {
        names.find(local: UnsafeRawPointer(local), uri: UnsafeRawPointer(uri)) ?? addName(local: local, uri: uri)
    }

    @inline(never)
    private func addName(local: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> Int {
        names.id(local: UnsafeRawPointer(local), uri: UnsafeRawPointer(uri)) {
            XMLName(
                id: $0,
                localName: local.map { String(cString: $0) } ?? "",
                namespaceURI: uri.map { String(cString: $0) } ?? "")
        }
    }

    func startElement(
        localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int32,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !aborted, let elementID = enterElement(localname: localname, uri: uri) else { return }
        // Values with `&#38;` decoded into buffers freed after the callback; nil (no array, no release) for the
        // many tags without one.
        var decoded: [UnsafeMutableBufferPointer<UInt8>]?
        defer { decoded?.forEach { $0.deallocate() } }
        var count = 0
        if let attributes, attributeCount > 0 {
            let total = Int(attributeCount)
            reserveEntries(total)
            for i in 0..<total {
                let base = attributes + i * 5
                let attributeID = nameID(local: base[0], uri: base[2])
                guard let start = base[3], let end = base[4] else { continue }
                var value = UnsafeBufferPointer(start: UnsafePointer<UInt8>(start), count: end - start)
                if valuesMayHoldReferences, memchr(start, 0x26, end - start) != nil,
                    let unescaped = decodeAmpersands(value)
                {
                    if decoded == nil { decoded = [unescaped] } else { decoded?.append(unescaped) }
                    value = UnsafeBufferPointer(unescaped)
                }
                (entries + count).initialize(to: XMLAttributeList.Entry(nameID: attributeID, value: value))
                count += 1
            }
        }
        idHandler.startElement(
            nameID: elementID, attributes: XMLAttributeList(UnsafeBufferPointer(start: entries, count: count)),
            depth: depth, context: self)
    }

    /// Steps into a start tag: the depth, the text count and the depth limit. Returns the element's name id, or nil
    /// when the tag is too deep (the parse is then stopped).
    @inline(__always)
    func enterElement(localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> Int? {
        depth += 1
        textBytes = 0
        if depth > limits.maxDepth {
            abort(
                Diagnostic(
                    .error, rule: .xmlLimitDepth,
                    message: "元素嵌套超过 \(limits.maxDepth) 层，目录文件不应如此之深", at: tagLocation))
            return nil
        }
        let elementID = nameID(local: localname, uri: uri)
        // The XML declaration, and any switch of encoding, came before the root.
        if depth == 1 { valuesMayHoldReferences = sawAmpersandByte || onego_ctxt_transcodes(parser) != 0 }
        if depth >= openCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: openCapacity * 2)
            grown.moveInitialize(from: openIDs, count: openCapacity)
            openIDs.deallocate()
            openIDs = grown
            openCapacity *= 2
        }
        openIDs[depth] = elementID
        return elementID
    }

    /// Makes room for `total` attribute entries.
    @inline(__always)
    func reserveEntries(_ total: Int) {
        if total > entryCapacity {
            entries.deallocate()
            entryCapacity = max(total, entryCapacity * 2)
            entries = .allocate(capacity: entryCapacity)
        }
    }

    func endElement(localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) {
        guard !aborted else { return }
        textBytes = 0
        // The id its start tag got (libxml2 pairs every end tag with its start tag).
        let id = depth > 0 && depth < openCapacity ? openIDs[depth] : nameID(local: localname, uri: uri)
        idHandler.endElement(nameID: id, depth: depth, context: self)
        depth -= 1
    }

    func characters(_ chars: UnsafePointer<xmlChar>, _ length: Int) {
        guard !aborted else { return }
        deliverText(UnsafeBufferPointer(start: chars, count: length))
    }

    /// Counts a run of text against the limit and hands it to the handler.
    @inline(__always)
    func deliverText(_ text: UnsafeBufferPointer<UInt8>) {
        textBytes += text.count
        if textBytes > limits.maxTextBytes {
            abort(
                Diagnostic(
                    .error, rule: .xmlLimitText,
                    message: "元素文本超过 \(limits.maxTextBytes) 字节上限", at: currentLocation))
            return
        }
        handler.characters(text, context: self)
    }

    /// Stops the parse at a `<!DOCTYPE>`.
    func refuseDoctype() {
        abort(
            Diagnostic(
                .error, rule: .xmlDoctype,
                message: "文件含有 <!DOCTYPE> 声明：目录文件不允许 DTD 和实体声明（防止外部实体注入与实体膨胀攻击）",
                at: tagLocation))
    }
}

/// Without entity substitution, libxml2's SAX2 keeps an escaped ampersand in attribute values as `&#38;` (so a tree
/// builder can re-parse it); every other reference arrives decoded. Turns each `&#38;` back into `&`.
private func decodeAmpersands(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8>? {
    let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: value.count)
    _ = output.initialize(from: value)
    guard let start = output.baseAddress else { return output }
    return UnsafeMutableBufferPointer(rebasing: output[0..<decodeAmpersandsInPlace(start, count: value.count)])
}

/// Turns each `&#38;` of `value` back into `&` in place (see ``decodeAmpersands(_:)``); returns the decoded length.
func decodeAmpersandsInPlace(_ value: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
    let amp = UInt8(ascii: "&")
    var i = 0
    var n = 0
    while i < count {
        if value[i] == amp, i + 5 <= count, value[i + 1] == UInt8(ascii: "#"), value[i + 2] == UInt8(ascii: "3"),
            value[i + 3] == UInt8(ascii: "8"), value[i + 4] == UInt8(ascii: ";")
        {
            value[n] = amp
            i += 5
        } else {
            value[n] = value[i]
            i += 1
        }
        n += 1
    }
    return n
}
