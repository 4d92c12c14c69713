#include "onego_text_sink.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <string.h>

/* Copies a run of text. Most runs are the indentation between tags (a newline and a few spaces): up to 16 bytes are
   copied with two overlapping loads and stores instead of a call to memcpy. */
static inline void copy_run(unsigned char *to, const unsigned char *from, size_t count) {
    if (count >= 8 && count <= 16) {
        uint64_t head, tail;
        memcpy(&head, from, 8);
        memcpy(&tail, from + count - 8, 8);
        memcpy(to, &head, 8);
        memcpy(to + count - 8, &tail, 8);
    } else if (count >= 4 && count < 8) {
        uint32_t head, tail;
        memcpy(&head, from, 4);
        memcpy(&tail, from + count - 4, 4);
        memcpy(to, &head, 4);
        memcpy(to + count - 4, &tail, 4);
    } else {
        memcpy(to, from, count);
    }
}

static inline void append(onego_text_sink *sink, const unsigned char *chars, int length) {
    size_t total = sink->count + (size_t)length;
    if (sink->gathers && total <= sink->capacity && total <= sink->limit) {
        copy_run(sink->text + sink->count, chars, (size_t)length);
        sink->count = total;
        return;
    }
    sink->overflow(sink->owner, chars, length);
}

void onego_text_sink_characters(void *ctx, const unsigned char *chars, int length) {
    onego_text_sink *sink = ctx;
    xmlParserCtxtPtr parser = sink->parser;
    if (parser != NULL && parser->input != NULL) {
        sink->text_end_line = parser->input->line;
        sink->text_end_column = parser->input->col;
        sink->text_ends_at_tag = 1;
    }
    if (chars == NULL || length <= 0) return;
    append(sink, chars, length);
}

void onego_text_sink_cdata(void *ctx, const unsigned char *chars, int length) {
    onego_text_sink *sink = ctx;
    sink->text_ends_at_tag = 0;
    if (chars == NULL || length <= 0) return;
    append(sink, chars, length);
}

static void comment(void *ctx, const xmlChar *value) {
    (void)value;
    ((onego_text_sink *)ctx)->text_ends_at_tag = 0;
}

static void instruction(void *ctx, const xmlChar *target, const xmlChar *data) {
    (void)target;
    (void)data;
    ((onego_text_sink *)ctx)->text_ends_at_tag = 0;
}

void onego_text_sink_install(void *handler) {
    xmlSAXHandlerPtr sax = handler;
    sax->characters = onego_text_sink_characters;
    sax->cdataBlock = onego_text_sink_cdata;
    sax->comment = comment;
    sax->processingInstruction = instruction;
}
