internal import CLibXML2
import OnegoBase

extension XMLParseContext {
    /// Creates the libxml2 context, plugs in the validator, feeds the input and tears everything down.
    /// `produce` calls `feed` with each chunk; `feed` returns false once parsing has stopped.
    func run(
        schema: XMLSchema?,
        produce: (_ feed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Diagnostic?
    ) -> Bool {
        ensureLibXML2Initialized()
        let me = Unmanaged.passUnretained(self).toOpaque()
        // All parser errors of this thread come to us while this parse runs (libxml2 2.9 keeps the
        // structured handler per thread; the parse is synchronous, so nothing else runs here meanwhile).
        xmlSetStructuredErrorFunc(me, onegoParserError)
        xmlSetGenericErrorFunc(nil, nil)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let feed = XMLParseFeed(context: self, schema: schema)
        defer { feed.tearDown() }
        if let failure = produce(feed.feed) {
            diagnostics.append(failure)
            return false
        }
        feed.finish()
        return !diagnostics.containsErrors
    }
}
