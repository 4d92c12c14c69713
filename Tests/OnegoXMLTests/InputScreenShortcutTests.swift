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
            let chunk = 1 + Int(generator.next() % 64)
            let stepped = screen(bytes, chunk: chunk, limits: limits, shortcut: false)
            let confirmed = screen(bytes, chunk: chunk, limits: limits, shortcut: true)
            #expect(stepped == confirmed, "round \(round): \(text) in chunks of \(chunk)")
        }
    }

    /// The sixteen- and eight-bytes-at-a-time count agrees with a byte-by-byte count on any bytes (UTF-8 text,
    /// quotes next to bytes with the top bit set, every length and alignment, runs longer than 255 blocks).
    @Test func quotesAreCountedAsByteByByte() {
        var generator = SplitMix64(seed: 0x22)
        let alphabet: [UInt8] = [0x22, 0x27, 0x3C, 0x3E, 0x20, 0x61, 0x3D, 0x00, 0x7F, 0x80, 0xA2, 0xBC, 0xE5, 0xFF]
        for round in 0..<2_000 {
            let length = Int(generator.next() % (round % 50 == 0 ? 9_000 : 90))
            // Mostly one byte (so long runs stay free of flags), sometimes any.
            let bytes = (0..<length).map { _ in
                generator.next() % 4 == 0 ? alphabet[Int(generator.next() % 14)] : 0x22 as UInt8
            }
            let offset = Int(generator.next() % 16)
            let padded = [UInt8](repeating: 0x61, count: offset) + bytes
            let (quotes, flags) = padded.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return (0, 0) }
                return XMLInputScreen.countQuotes(base + offset, bytes.count)
            }
            #expect(quotes == bytes.filter { $0 == 0x22 }.count, "\(bytes)")
            #expect((flags != 0) == bytes.contains { $0 == 0x27 || $0 == 0x3C }, "\(bytes)")
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
}
