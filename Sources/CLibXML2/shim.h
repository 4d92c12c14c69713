#ifndef ONEGO_CLIBXML2_SHIM_H
#define ONEGO_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with Foundation's own ICU module in Swift.
   onego never touches the encoding handler's ICU fields, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>

/// Frees memory allocated by libxml2. `xmlFree` is a global function-pointer variable,
/// which Swift 6 strict concurrency will not let callers read directly.
static inline void onego_xmlFree(void *ptr) { xmlFree(ptr); }

/// The parser's current line, or 0 when it has no input.
static inline int onego_ctxt_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}

/// The parser's current column, or 0 when it has no input.
static inline int onego_ctxt_column(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->col : 0;
}

/// The bytes of the current input buffer before the parser's cursor, so a caller can
/// walk back to the `<` that opened the tag just reported.
static inline const xmlChar *onego_ctxt_base(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->base : NULL;
}

static inline const xmlChar *onego_ctxt_cur(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->cur : NULL;
}

/// Stops a parse from inside a SAX callback without freeing anything: no further SAX events are delivered and the
/// push parser ends its current chunk at once. Unlike xmlStopParser, it leaves the input buffer alone, which the
/// XSD validator's SAX plug may still be reading (attribute values point into it) when the callback returns.
static inline void onego_ctxt_halt(xmlParserCtxtPtr ctxt) {
    if (ctxt != NULL) {
        ctxt->disableSAX = 1;
        ctxt->instate = XML_PARSER_EOF;
    }
}

/// Whether libxml2 transcodes the input (an encoding other than UTF-8, or a byte order mark): without transcoding it
/// parses the bytes it is given as they are, so a `&` in the document is a 0x26 byte of its input.
static inline int onego_ctxt_transcodes(xmlParserCtxtPtr ctxt) {
    return ctxt == NULL || ctxt->input == NULL || ctxt->input->buf == NULL || ctxt->input->buf->encoder != NULL;
}

/// The encoding the document declared, if any.
static inline const xmlChar *onego_ctxt_declared_encoding(xmlParserCtxtPtr ctxt) {
    return ctxt != NULL ? ctxt->encoding : NULL;
}

/// The address of the context's SAX handler field, which `xmlSchemaSAXPlug` swaps for the validator's and restores on
/// unplug. (Computed in C: Swift's `MemoryLayout.offset(of:)` returns nil for an imported field it cannot address.)
static inline xmlSAXHandlerPtr *onego_ctxt_sax_field(xmlParserCtxtPtr ctxt) { return &ctxt->sax; }

/// The address of the context's user data field, swapped by `xmlSchemaSAXPlug` like the SAX handler.
static inline void **onego_ctxt_user_data_field(xmlParserCtxtPtr ctxt) { return &ctxt->userData; }

#endif
