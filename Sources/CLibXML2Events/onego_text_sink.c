#include "onego_text_sink.h"

#include <libxml/parser.h>
#include <string.h>

void onego_text_sink_characters(void *ctx, const unsigned char *chars, int length) {
    if (chars == NULL || length <= 0) return;
    onego_text_sink *sink = ctx;
    size_t total = sink->count + (size_t)length;
    if (sink->gathers && total <= sink->capacity && total <= sink->limit) {
        memcpy(sink->text + sink->count, chars, (size_t)length);
        sink->count = total;
        return;
    }
    sink->overflow(sink->owner, chars, length);
}

void onego_text_sink_install(void *handler) {
    xmlSAXHandlerPtr sax = handler;
    sax->characters = onego_text_sink_characters;
    sax->cdataBlock = onego_text_sink_characters;
}
