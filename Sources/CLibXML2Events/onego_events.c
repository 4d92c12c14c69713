/* memrchr is a GNU extension. */
#define _GNU_SOURCE
#include "onego_events.h"
#include "onego_scan.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "../CLibXML2/shim.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ALIGNED(n) (((n) + 7) & ~(size_t)7)

onego_recorder *onego_recorder_create(size_t capacity) {
    onego_recorder *r = calloc(1, sizeof(onego_recorder));
    if (r == NULL) return NULL;
    r->bytes = malloc(capacity);
    if (r->bytes == NULL) {
        free(r);
        return NULL;
    }
    r->capacity = capacity;
    return r;
}

void onego_recorder_free(onego_recorder *r) {
    if (r == NULL) return;
    free(r->bytes);
    free(r);
}

void onego_recorder_reset(onego_recorder *r) { r->used = 0; }

static void halt(onego_recorder *r) { onego_ctxt_halt(r->parser); }

/* Room for `size` more bytes (a multiple of 8), or NULL (and the parser halted) when the arena cannot grow or the
   record would not fit its 32-bit size field (libxml2 stops far below that unless XML_PARSE_HUGE is set). */
static unsigned char *reserve(onego_recorder *r, size_t size) {
    if (size > UINT32_MAX || size > SIZE_MAX / 4 - r->used) {
        r->out_of_memory = 1;
        halt(r);
        return NULL;
    }
    if (r->capacity - r->used < size) {
        size_t capacity = r->capacity * 2;
        while (capacity - r->used < size) capacity *= 2;
        unsigned char *grown = realloc(r->bytes, capacity);
        if (grown == NULL) {
            r->out_of_memory = 1;
            halt(r);
            return NULL;
        }
        r->bytes = grown;
        r->capacity = capacity;
    }
    unsigned char *p = r->bytes + r->used;
    r->used += size;
    return p;
}

/* A new record of `kind` taking `size` bytes of the arena, its kind and size filled in; NULL when the arena cannot
   hold it (the parse is then halted). */
static onego_event *new_event(onego_recorder *r, uint32_t kind, size_t size) {
    onego_event *e = (onego_event *)(void *)reserve(r, size);
    if (e == NULL) return NULL;
    e->kind = kind;
    e->size = (uint32_t)size;
    return e;
}

/* The last `byte` in [start, start + n), or NULL. */
static const xmlChar *last_byte(const xmlChar *start, int byte, size_t n) {
#if defined(__GLIBC__)
    return memrchr(start, byte, n);
#else
    for (const xmlChar *p = start + n; p > start;) {
        if (*--p == byte) return p;
    }
    return NULL;
#endif
}

/* The parser's position, and nothing more (text events). */
static void locate_here(onego_recorder *r, onego_event *e) {
    xmlParserCtxtPtr ctxt = r->parser;
    int line = 0, column = 0;
    if (ctxt != NULL && ctxt->input != NULL) {
        line = ctxt->input->line;
        column = ctxt->input->col;
    }
    e->line = line;
    e->column = column;
    e->tag_line = line;
    e->tag_column = column;
}

/* The UTF-8 characters in [p, end). */
static size_t characters_in(const xmlChar *p, const xmlChar *end) {
    size_t continuations = 0;
    for (const xmlChar *q = p; q < end; q++) continuations += (*q & 0xC0) == 0x80;
    return (size_t)(end - p) - continuations;
}

/* The parser's position and where the tag just read starts: the `<` found by walking back from the cursor (`<`
   cannot occur inside attribute values), its line counted from the newlines passed and its column from the
   characters passed (or, for a tag spanning lines, from the start of its first line). The same computation as
   XMLParseContext.tagLocation, made while libxml2's buffer still holds the tag. */
static void locate_tag(onego_recorder *r, onego_event *e) {
    locate_here(r, e);
    xmlParserCtxtPtr ctxt = r->parser;
    if (ctxt == NULL || ctxt->input == NULL) return;
    const xmlChar *base = ctxt->input->base, *cur = ctxt->input->cur;
    if (base == NULL || cur == NULL || cur <= base) return;
    size_t characters, newlines;
    const xmlChar *open = onego_last_byte_counts(base, cur, '<', &newlines, &characters);
    if (open == NULL) return;
    if (newlines == 0) {
        long column = (long)e->column - (long)characters - 1;
        e->tag_column = column < 1 ? 1 : (int32_t)column;
        return;
    }
    const xmlChar *lineStart = open > base ? last_byte(base, '\n', (size_t)(open - base)) : NULL;
    lineStart = lineStart != NULL ? lineStart + 1 : base;
    e->tag_line = e->line - (int32_t)newlines;
    e->tag_column = (int32_t)characters_in(lineStart, open) + 1;
}

static void record_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                         int namespaceCount, const xmlChar **namespaces, int attributeCount, int defaulted,
                         const xmlChar **attributes) {
    (void)prefix;
    (void)namespaceCount;
    (void)namespaces;
    (void)defaulted;
    onego_recorder *r = ctx;
    size_t total = (attributes != NULL && attributeCount > 0) ? (size_t)attributeCount : 0;
    size_t valueBytes = 0;
    for (size_t i = 0; i < total; i++) {
        const xmlChar *start = attributes[i * 5 + 3], *end = attributes[i * 5 + 4];
        if (start != NULL && end != NULL) valueBytes += (size_t)(end - start);
    }
    size_t size = sizeof(onego_start_event) + total * sizeof(onego_event_attribute) + ALIGNED(valueBytes);
    onego_start_event *e = (onego_start_event *)(void *)new_event(r, ONEGO_EVENT_START, size);
    if (e == NULL) return;
    locate_tag(r, &e->event);
    e->localname = localname;
    e->uri = uri;
    e->attribute_count = (int64_t)total;
    xmlParserCtxtPtr ctxt = r->parser;
    if (ctxt != NULL && ctxt->input != NULL) {
        r->start_cur = ctxt->input->cur;
        r->start_base = ctxt->input->base;
        r->start_consumed = ctxt->input->consumed;
        r->start_tag_line = e->event.tag_line;
        r->start_tag_column = e->event.tag_column;
    }
    onego_event_attribute *a = (onego_event_attribute *)(e + 1);
    unsigned char *v = (unsigned char *)(a + total);
    for (size_t i = 0; i < total; i++) {
        const xmlChar **entry = attributes + i * 5;
        a[i].localname = entry[0];
        a[i].uri = entry[2];
        if (entry[3] != NULL && entry[4] != NULL) {
            size_t length = (size_t)(entry[4] - entry[3]);
            memcpy(v, entry[3], length);
            v += length;
            a[i].length = (int64_t)length;
        } else {
            a[i].length = -1;
        }
    }
}

static void record_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix;
    onego_recorder *r = ctx;
    onego_end_event *e = (onego_end_event *)(void *)new_event(r, ONEGO_EVENT_END, sizeof(onego_end_event));
    if (e == NULL) return;
    xmlParserCtxtPtr ctxt = r->parser;
    /* libxml2 reports an empty element's start tag before its `/>` and the end right after it. */
    const xmlChar *start = r->start_cur;
    if (ctxt != NULL && ctxt->input != NULL && start != NULL && ctxt->input->base == r->start_base &&
        ctxt->input->consumed == r->start_consumed && ctxt->input->cur == start + 2 && start[0] == '/' &&
        start[1] == '>') {
        /* An empty element: only its `/>` was read since its start tag. */
        locate_here(r, &e->event);
        e->event.tag_line = r->start_tag_line;
        e->event.tag_column = r->start_tag_column;
    } else {
        locate_tag(r, &e->event);
    }
    r->start_cur = NULL;
    e->localname = localname;
    e->uri = uri;
}

static void record_text(void *ctx, const xmlChar *chars, int length) {
    if (chars == NULL || length <= 0) return;
    onego_recorder *r = ctx;
    size_t size = sizeof(onego_text_event) + ALIGNED((size_t)length);
    onego_text_event *e = (onego_text_event *)(void *)new_event(r, ONEGO_EVENT_TEXT, size);
    if (e == NULL) return;
    locate_here(r, &e->event);
    e->length = length;
    memcpy(e + 1, chars, (size_t)length);
}

static void record_doctype(void *ctx, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name;
    (void)externalID;
    (void)systemID;
    onego_recorder *r = ctx;
    onego_event *e = new_event(r, ONEGO_EVENT_DOCTYPE, sizeof(onego_event));
    if (e == NULL) return;
    locate_tag(r, e);
    halt(r);
}

void onego_recorder_note(onego_recorder *r, int64_t index) {
    onego_note_event *e = (onego_note_event *)(void *)new_event(r, ONEGO_EVENT_NOTE, sizeof(onego_note_event));
    if (e == NULL) return;
    locate_here(r, &e->event);
    e->index = index;
}

void onego_recorder_install(void *handler) {
    xmlSAXHandlerPtr sax = handler;
    sax->startElementNs = record_start;
    sax->endElementNs = record_end;
    sax->characters = record_text;
    sax->cdataBlock = record_text;
    sax->internalSubset = record_doctype;
}
