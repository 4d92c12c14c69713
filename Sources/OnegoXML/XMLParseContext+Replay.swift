internal import CLibXML2
internal import CLibXML2Events
import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension XMLParseContext {
    /// Hands the events recorded during the last libxml2 call to the handler, in order, and empties the arena (see
    /// ``XMLEventDispatch/replayed``). Stops at an abort: the events after it are dropped, as libxml2 would not have
    /// parsed them had the handler been called at once. During each event, ``tagLocation`` and ``currentLocation``
    /// are the positions recorded with it.
    func replayRecorded() {
        guard let recorder else { return }
        let used = recorder.pointee.used
        if used > 0, let bytes = recorder.pointee.bytes {
            var offset = 0
            while offset < used && !aborted {
                let event = UnsafeRawPointer(bytes + offset).assumingMemoryBound(to: onego_event.self)
                replayed = event
                replay(event)
                offset += Int(event.pointee.size)
            }
            replayed = nil
        }
        onego_recorder_reset(recorder)
        deferred.removeAll(keepingCapacity: true)
        if recorder.pointee.out_of_memory != 0 {
            fail(Diagnostic(.error, rule: .xmlInternal, message: "内存不足，无法继续解析", at: currentLocation))
        }
    }

    /// One event. Its kind's bit is tested in order of frequency (not compared: a `switch` or a chain of `==`
    /// became a jump table whose indirect branch mispredicted as the kinds alternate).
    @inline(__always)
    private func replay(_ event: UnsafePointer<onego_event>) {
        let kind = Int(event.pointee.kind)
        if kind & ONEGO_EVENT_START != 0 {
            replayStart(UnsafeRawPointer(event).assumingMemoryBound(to: onego_start_event.self))
        } else if kind & ONEGO_EVENT_END != 0 {
            let end = UnsafeRawPointer(event).assumingMemoryBound(to: onego_end_event.self)
            endElement(localname: end.pointee.localname, uri: end.pointee.uri)
        } else if kind & ONEGO_EVENT_TEXT != 0 {
            let text = UnsafeRawPointer(event).assumingMemoryBound(to: onego_text_event.self)
            deliverText(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(text + 1).assumingMemoryBound(to: UInt8.self),
                    count: Int(text.pointee.length)))
        } else if kind & ONEGO_EVENT_NOTE != 0 {
            let note = UnsafeRawPointer(event).assumingMemoryBound(to: onego_note_event.self)
            let (diagnostic, isFatal) = deferred[Int(note.pointee.index)]
            if isFatal { fail(diagnostic) } else { report(diagnostic) }
        } else {
            precondition(kind == ONEGO_EVENT_DOCTYPE, "unknown recorded event kind \(kind)")
            refuseDoctype()
        }
    }

    /// A recorded start tag: the same steps as ``startElement(localname:uri:attributeCount:attributes:)``, with the
    /// attribute values in the arena (an `&#38;` decoded in place).
    private func replayStart(_ event: UnsafePointer<onego_start_event>) {
        guard let elementID = enterElement(localname: event.pointee.localname, uri: event.pointee.uri) else { return }
        let total = Int(event.pointee.attribute_count)
        let attributes = UnsafeMutableRawPointer(mutating: event + 1).assumingMemoryBound(
            to: onego_event_attribute.self)
        var value = UnsafeMutableRawPointer(attributes + total).assumingMemoryBound(to: UInt8.self)
        if isSlotted && depth > 1 {
            guard receives(.start, of: elementID) else { return }
            var present: UInt64 = 0
            for i in 0..<total {
                let attribute = attributes[i]
                let slot = attributeSlot(nameID(local: attribute.localname, uri: attribute.uri))
                guard attribute.length >= 0 else { continue }
                let length = Int(attribute.length)
                if slot >= 0 {
                    let decoded =
                        valuesMayHoldReferences && memchr(value, 0x26, length) != nil
                        ? decodeAmpersandsInPlace(value, count: length) : length
                    slotValues[slot] = UnsafeBufferPointer(start: value, count: decoded)
                    present |= 1 &<< UInt64(truncatingIfNeeded: slot)
                }
                value += length
            }
            slotted.startElement(
                nameID: elementID, slots: XMLAttributeSlots(values: slotValues, present: present), depth: depth,
                context: self)
            return
        }
        reserveEntries(total)
        var count = 0
        for i in 0..<total {
            let attribute = attributes[i]
            let attributeID = nameID(local: attribute.localname, uri: attribute.uri)
            guard attribute.length >= 0 else { continue }
            let length = Int(attribute.length)
            let decoded =
                valuesMayHoldReferences && memchr(value, 0x26, length) != nil
                ? decodeAmpersandsInPlace(value, count: length) : length
            (entries + count).initialize(
                to: XMLAttributeList.Entry(
                    nameID: attributeID, value: UnsafeBufferPointer(start: value, count: decoded)))
            count += 1
            value += length
        }
        idHandler.startElement(
            nameID: elementID, attributes: XMLAttributeList(UnsafeBufferPointer(start: entries, count: count)),
            depth: depth, context: self)
    }
}
