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
        let id = names.id(local: UnsafeRawPointer(local), uri: UnsafeRawPointer(uri)) {
            XMLName(
                id: $0,
                localName: local.map { String(cString: $0) } ?? "",
                namespaceURI: uri.map { String(cString: $0) } ?? "")
        }
        if id >= slotOfCapacity {
            var capacity = slotOfCapacity * 2
            while capacity <= id { capacity *= 2 }
            let grown = UnsafeMutablePointer<Int8>.allocate(capacity: capacity)
            grown.moveInitialize(from: slotOf, count: slotOfCapacity)
            (grown + slotOfCapacity).initialize(repeating: -2, count: capacity - slotOfCapacity)
            slotOf.deallocate()
            slotOf = grown
            let events = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            events.moveInitialize(from: eventsOf, count: slotOfCapacity)
            (events + slotOfCapacity).initialize(repeating: 0, count: capacity - slotOfCapacity)
            eventsOf.deallocate()
            eventsOf = events
            slotOfCapacity = capacity
        }
        return id
    }

    /// The slot of the attribute name with this id (see ``XMLSlottedContentHandler/attributeSlot(for:)``), -1 for
    /// none: asked of the handler the first time only.
    @inline(__always)
    func attributeSlot(_ id: Int) -> Int {
        let known = Int(slotOf[id])
        return known != -2 ? known : resolveSlot(id)
    }

    /// Whether the slotted handler is given `event` of the element name with this id: asked of it the first time.
    @inline(__always)
    func receives(_ event: XMLElementEvents, of id: Int) -> Bool {
        var known = eventsOf[id]
        if known == 0 { known = resolveEvents(id) }
        return known & (event.rawValue << 1) != 0
    }

    @inline(never)
    private func resolveEvents(_ id: Int) -> UInt8 {
        let known = slotted.elementEvents(for: names.entry(id)).rawValue << 1 | 1
        eventsOf[id] = known
        return known
    }

    @inline(never)
    private func resolveSlot(_ id: Int) -> Int {
        var slot = -1
        if let asked = slotted.attributeSlot(for: names.entry(id)) {
            precondition((0..<64).contains(asked), "attribute slot \(asked) outside 0..<64")
            slot = asked
        }
        slotOf[id] = Int8(slot)
        return slot
    }

    @inline(__always)
    func startElement(
        localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int32,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !aborted, let elementID = enterElement(localname: localname, uri: uri) else { return }
        if isSlotted && depth > 1 {
            if receives(.start, of: elementID) {
                startSlotted(elementID, attributeCount: attributeCount, attributes: attributes)
            }
            return
        }
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

    /// A start tag below the root for a slotted handler: each attribute's value goes straight into its slot. The
    /// loop keeps the name table, the slot table and the slots in locals; a name it does not know yet is resolved
    /// out of line, after which it takes them again.
    @inline(__always)
    private func startSlotted(
        _ elementID: Int, attributeCount: Int32, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        var present: UInt64 = 0
        if let attributes, attributeCount > 0 {
            if valuesMayHoldReferences {
                present = fillSlotsDecoding(attributes, count: Int(attributeCount))
            } else {
                let values = slotValues
                var probe = names.probe
                var slots = slotOf
                var p = UnsafeMutableRawPointer(attributes).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
                let end = p + 5 * Int(attributeCount)
                while p < end {
                    var slot = -2
                    if let id = probe.find(local: p[0], uri: p[2]) { slot = Int(slots[id]) }
                    if slot == -2 {
                        slot = attributeSlot(nameID(local: p[0], uri: p[2]))
                        probe = names.probe
                        slots = slotOf
                    }
                    if slot >= 0, let start = p[3], let stop = p[4] {
                        values[slot] = UnsafeBufferPointer(start: start, count: stop - start)
                        present |= 1 &<< UInt64(truncatingIfNeeded: slot)
                    }
                    p += 5
                }
            }
        }
        slotted.startElement(
            nameID: elementID, slots: XMLAttributeSlots(values: slotValues, present: present), depth: depth,
            context: self)
    }

    /// ``startSlotted(_:attributeCount:attributes:)``'s loop for input whose values may hold a `&#38;`: each such
    /// value is decoded into a buffer of ``decodedValues``, freed at the next start tag.
    @inline(never)
    private func fillSlotsDecoding(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, count: Int) -> UInt64 {
        for buffer in decodedValues { buffer.deallocate() }
        decodedValues.removeAll(keepingCapacity: true)
        var present: UInt64 = 0
        for i in 0..<count {
            let base = attributes + i * 5
            let slot = attributeSlot(nameID(local: base[0], uri: base[2]))
            guard slot >= 0, let start = base[3], let end = base[4] else { continue }
            var value = UnsafeBufferPointer(start: UnsafePointer<UInt8>(start), count: end - start)
            if memchr(start, 0x26, end - start) != nil, let unescaped = decodeAmpersands(value) {
                decodedValues.append(unescaped)
                value = UnsafeBufferPointer(unescaped)
            }
            slotValues[slot] = value
            present |= 1 &<< UInt64(truncatingIfNeeded: slot)
        }
        return present
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

    @inline(__always)
    func endElement(localname: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) {
        guard !aborted else { return }
        let count = textBytes
        textBytes = 0
        // The id its start tag got (libxml2 pairs every end tag with its start tag).
        let id = depth > 0 && depth < openCapacity ? openIDs[depth] : nameID(local: localname, uri: uri)
        if isSlotted {
            if depth <= 1 || receives(.end, of: id) {
                slotted.endElement(
                    nameID: id, depth: depth, text: UnsafeMutableBufferPointer(start: text, count: count),
                    context: self)
            }
        } else {
            idHandler.endElement(nameID: id, depth: depth, context: self)
        }
        depth -= 1
    }

    @inline(__always)
    func characters(_ chars: UnsafePointer<xmlChar>, _ length: Int) {
        guard !aborted else { return }
        deliverText(UnsafeBufferPointer(start: chars, count: length))
    }

    /// Counts a run of text against the limit and hands it to the handler.
    @inline(__always)
    func deliverText(_ text: UnsafeBufferPointer<UInt8>) {
        textBytes += text.count
        if textBytes > limits.maxTextBytes {
            refuseLongText()
            return
        }
        if isSlotted {
            gather(text)
        } else {
            handler.characters(text, context: self)
        }
    }

    /// Stops the parse at a text over ``XMLLimits/maxTextBytes`` (out of line: the text callback stays small).
    @inline(never)
    private func refuseLongText() {
        abort(
            Diagnostic(
                .error, rule: .xmlLimitText,
                message: "元素文本超过 \(limits.maxTextBytes) 字节上限", at: currentLocation))
    }

    /// Appends a run to the element's text (``textBytes`` already counts it).
    @inline(__always)
    private func gather(_ run: UnsafeBufferPointer<UInt8>) {
        let held = textBytes - run.count
        if textBytes > textCapacity { growText(keeping: held) }
        if let source = run.baseAddress { (text + held).update(from: source, count: run.count) }
    }

    /// Makes room for ``textBytes`` bytes of text, keeping the first `held`.
    @inline(never)
    private func growText(keeping held: Int) {
        text = text.grown(keeping: held, capacity: &textCapacity, toHold: textBytes)
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
