import HTTPTypes
import Hummingbird

/// A file built into the binary and served from memory under a name that carries its content hash, so browsers may
/// cache it for a year.
struct Asset: Sendable {
    /// The file's text.
    let text: String
    /// The `Content-Type`.
    let contentType: String
    /// The served path, e.g. `/assets/app.0123456789ab.css`.
    let path: String

    init(name: String, ext: String, contentType: String, text: String) {
        self.text = text
        self.contentType = contentType
        self.path = "/assets/\(name).\(Self.hash(text)).\(ext)"
    }

    /// The response that serves it.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 64-bit FNV-1a of the UTF-8 text, as 12 hexadecimal digits (cache busting, not security).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    /// The style sheet.
    static let stylesheet = Asset(
        name: "app", ext: "css", contentType: "text/css; charset=utf-8", text: WorkbenchCSS.text)
    /// The script.
    static let script = Asset(
        name: "app", ext: "js", contentType: "text/javascript; charset=utf-8", text: WorkbenchScript.text)
}
