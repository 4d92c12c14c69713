import Foundation

extension Fixtures {
    /// A copy of the sample items (no matters, no waivers) in a fresh folder, every basic, implementation and
    /// handling code made distinct (the sample repeats some on purpose): each code's last six digits become its
    /// file's number and a counter. The audit can then take unchanged files from their summaries.
    public static func distinctCodeItems() throws -> String {
        let folder = try temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/.onego-cache")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        for (number, file) in files.enumerated() {
            let path = folder + "/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            var counter = 0
            for attribute in ["basicCode=\"", "implementationCode=\"", "handlingCode=\""] {
                var searchStart = text.startIndex
                while let found = text.range(of: attribute, range: searchStart..<text.endIndex),
                    let close = text.range(of: "\"", range: found.upperBound..<text.endIndex)
                {
                    counter += 1
                    let code = text[found.upperBound..<close.lowerBound]
                    let replaced =
                        code.count > 6
                        ? String(code.dropLast(6)) + String(format: "%02d%04d", number % 100, counter % 10_000)
                        : String(code)
                    text.replaceSubrange(found.upperBound..<close.lowerBound, with: replaced)
                    searchStart = text.index(found.upperBound, offsetBy: replaced.count)
                }
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
