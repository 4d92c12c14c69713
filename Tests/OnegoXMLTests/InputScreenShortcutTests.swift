import OnegoTestSupport
import Testing

@testable import OnegoXML

/// The input screen confirms short tags whole instead of stepping through them; on any input, split into any
/// chunks, it must find the same violation at the same offset as stepping through every byte.
@Suite struct InputScreenShortcutTests {
    /// Screens `bytes` in chunks of `chunk` bytes; the first violation, if any.
    func screen(_ bytes: [UInt8], chunk: Int, limits: XMLLimits, shortcut: Bool) -> XMLInputScreen.Violation? {
        var screen = XMLInputScreen(limits: limits)
        screen.confirmsShortTags = shortcut
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            let violation = bytes[start..<end].withUnsafeBufferPointer { screen.screen($0) }
            if let violation { return violation }
            start = end
        }
        return nil
    }

    /// Pieces of catalog markup, well-formed and not: quotes of both kinds, `>` and `<` inside values, quotes in
    /// names, comments, CDATA and processing instructions holding tags.
    static let pieces = [
        "<material name=\"营业执照\" type=\"证照\">", "<item basicCode=\"1\" x='2'>", "</material>", "<note>",
        "复印件加盖公章", "<a v=\"a>b\" w=\"c\">", "<b\"q x=\"1\">", "<c x=\"<\">", "<d/>", "<e\n  k=\"1\"\n/>",
        "<!-- <f a=\"1\" b=\"2\" c=\"3\"> -->", "<![CDATA[<g a=\"1\">]]>", "<?pi <h a=\"1\"> ?>", ">", "\"", "'",
        "<", "<i a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>", "<j a=\"1\"b=\"2\"c=\"3\"d=\"4\"e=\"5\">", "<>", "< k>",
        "<l a=\"", String(repeating: "长", count: 30), "\">",
    ]

    @Test func theShortcutFindsWhatSteppingFinds() {
        var generator = SplitMix64(seed: 0x0E60)
        for round in 0..<3_000 {
            var text = "<catalog xmlns=\"urn:x\">"
            for _ in 0..<Int(generator.next() % 24) {
                text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            let bytes = Array(text.utf8)
            let limits = XMLLimits(
                maxAttributes: 1 + Int(generator.next() % 5), maxStartTagBytes: 16 + Int(generator.next() % 120))
            // Small chunks cut tags anywhere; large ones leave long tags whole for the sixteen-byte scan.
            let chunk = 1 + Int(generator.next() % (round % 2 == 0 ? 64 : 2_000))
            let stepped = screen(bytes, chunk: chunk, limits: limits, shortcut: false)
            let confirmed = screen(bytes, chunk: chunk, limits: limits, shortcut: true)
            #expect(stepped == confirmed, "round \(round): \(text) in chunks of \(chunk)")
        }
    }

    /// The confirmation rule byte by byte: the index of the `>` ending the confirmed tag whose `<` is at `open`, or
    /// nil (see ``XMLInputScreen/skipConfirmed(_:from:count:)``).
    static func confirmedEnd(_ bytes: [UInt8], open: Int, count: Int, limits: XMLLimits) -> Int? {
        let first = open + 1
        guard first < count else { return nil }
        let limit = min(count, open + XMLInputScreen.shortTagWindow)
        switch bytes[first] {
        case 0x2F: return bytes[first..<limit].firstIndex(of: 0x3E)
        case 0x21, 0x3F, 0x3C: return nil
        default: break
        }
        var index = first + 1
        while index < limit, ![0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E, 0x3C].contains(bytes[index]) { index += 1 }
        var quotes = 0
        while index < limit {
            switch bytes[index] {
            case 0x22: quotes += 1
            case 0x27, 0x3C: return nil
            case 0x3E where quotes % 2 == 0:
                guard quotes / 2 <= limits.maxAttributes, index - open <= limits.maxStartTagBytes else { return nil }
                return index
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The C scan skips exactly the tags the rule confirms, stopping at the same `<`, on long tags of any shape:
    /// values of hundreds of bytes (quotes, `>`, `'` and `<` at every offset of a sixteen-byte block), long names,
    /// tags near the 4,096-byte window, and scans that start and stop anywhere.
    @Test func theScanSkipsWhatTheRuleConfirms() {
        var generator = SplitMix64(seed: 0x5CA1)
        let valueBytes: [UInt8] = [0x61, 0x20, 0x22, 0x27, 0x3C, 0x3E, 0x2F, 0x0A, 0xE5, 0x8F, 0x3D, 0x09, 0x0D]
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(1 + generator.next() % 12) {
                bytes += Array("文本 ".utf8).prefix(Int(generator.next() % 8))
                switch generator.next() % 6 {
                case 0: bytes += Array("</material>".utf8)
                case 1: bytes += Array(["<!-- x -->", "<?p?>", "<<", "<"][Int(generator.next() % 4)].utf8)
                default:
                    bytes += Array("<".utf8) + (0..<Int(1 + generator.next() % 24)).map { _ in UInt8(0x61) }
                    let length = round % 97 == 0 ? 4_070 + Int(generator.next() % 40) : Int(generator.next() % 300)
                    // Mostly plain attributes, sometimes any byte.
                    for _ in 0..<length {
                        let pick = generator.next() % 40
                        bytes.append(pick < 30 ? Array(" k=\"值\"".utf8)[Int(pick % 8)] : valueBytes[Int(pick % 13)])
                    }
                    bytes += generator.next() % 4 == 0 ? Array("/>".utf8) : Array(">".utf8)
                }
            }
            let limits = XMLLimits(
                maxAttributes: 1 + Int(generator.next() % 200), maxStartTagBytes: 16 + Int(generator.next() % 5_000))
            let count = bytes.count - Int(generator.next() % 4) % max(1, bytes.count)
            let from = Int(generator.next() % UInt64(max(1, count / 2)))
            var expected = count
            var index = from
            while let open = bytes[index..<count].firstIndex(of: 0x3C) {
                guard let end = Self.confirmedEnd(bytes, open: open, count: count, limits: limits) else {
                    expected = open
                    break
                }
                index = end + 1
            }
            let screen = XMLInputScreen(limits: limits)
            let found = bytes.withUnsafeBufferPointer { all in
                all.baseAddress.map { screen.skipConfirmed($0, from: from, count: count) } ?? count
            }
            #expect(found == expected, "round \(round): \(String(decoding: bytes[from..<count], as: UTF8.self))")
        }
    }

    @Test func aShortTagWithTooManyDoubleQuotedAttributesIsStillCaught() throws {
        let tag = Array("<catalog xmlns=\"urn:x\"><material a=\"1\" b=\"2\" c=\"3\"/></catalog>".utf8)
        let violation = try #require(
            screen(tag, chunk: 4096, limits: XMLLimits(maxAttributes: 2), shortcut: true))
        #expect(violation == .init(kind: .tooManyAttributes, offset: 23, element: "material"))
    }

    @Test func aGreaterThanSignInsideAValueDoesNotEndTheTag() throws {
        // The first `>` stands in a value; the tag's real length breaks the 40-byte limit.
        let tag = Array("<a><material name=\"a>b\" note=\"复印件加盖公章\"/></a>".utf8)
        let violation = try #require(
            screen(tag, chunk: 4096, limits: XMLLimits(maxStartTagBytes: 40), shortcut: true))
        #expect(violation == .init(kind: .startTagTooLong, offset: 3, element: "material"))
    }
}

/// `tagLocation` finds a tag's `<` and counts the lines and characters after it in one backward pass, sixteen bytes
/// at a time; on any bytes it must agree with finding the byte first and counting forward byte by byte.
@Suite struct ByteScanTests {
    @Test func theBackwardPassCountsAsByteByByte() {
        var generator = SplitMix64(seed: 0x3C0A)
        let alphabet: [UInt8] = [0x3C, 0x0A, 0x22, 0x20, 0x61, 0x7F, 0x80, 0xA2, 0xBF, 0xC0, 0xE5, 0xFF, 0x00]
        for round in 0..<3_000 {
            let length = Int(generator.next() % (round % 100 == 0 ? 5_000 : 120))
            // Rarely a `<`, so most runs cross many blocks before meeting one (or none).
            let bytes: [UInt8] = (0..<length).map { _ in
                let pick = generator.next() % 200
                return pick == 0 ? 0x3C : alphabet[1 + Int(pick % UInt64(alphabet.count - 1))]
            }
            let offset = Int(generator.next() % 16)
            let padded = [UInt8](repeating: 0x3C, count: offset) + bytes
            padded.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                let start = base + offset
                let end = start + bytes.count
                let found = ByteScan.lastIndexAndCounts(of: 0x3C, from: start, before: end)
                guard let last = bytes.lastIndex(of: 0x3C) else {
                    #expect(found == nil, "round \(round)")
                    return
                }
                let after = bytes[(last + 1)...]
                #expect(found?.index == start + last, "round \(round)")
                #expect(found?.newlines == after.filter { $0 == 0x0A }.count, "round \(round)")
                #expect(found?.characters == after.filter { $0 & 0xC0 != 0x80 }.count, "round \(round)")
            }
        }
    }

    /// Long runs after the `<`: the per-lane byte counters are emptied every 255 blocks, so runs of more than
    /// 4,080 bytes of newlines and multi-byte characters (a long start tag spread over many lines) must still count
    /// every one.
    @Test(arguments: [4_079, 4_080, 4_097, 8_177, 20_000])
    func longRunsAfterTheByteAreCountedWhole(length: Int) {
        let pattern: [UInt8] = [0x0A, 0xE4, 0xB8, 0xAD, 0x0A, 0x0A, 0x61]
        let after = (0..<length).map { pattern[$0 % pattern.count] }
        let bytes = Array("<catalog>".utf8) + after
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let found = ByteScan.lastIndexAndCounts(of: 0x3C, from: base, before: base + all.count)
            #expect(found?.index == base)
            #expect(found?.newlines == after.filter { $0 == 0x0A }.count)
            #expect(found?.characters == 8 + after.filter { $0 & 0xC0 != 0x80 }.count)
        }
    }
}
