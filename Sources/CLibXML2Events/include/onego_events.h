#ifndef ONEGO_EVENTS_H
#define ONEGO_EVENTS_H

#include <stddef.h>
#include <stdint.h>

/* A recorder of libxml2's SAX2 events: while libxml2 parses one chunk, its callbacks only append each event to an
   arena (names as libxml2's dictionary pointers, which stay valid for the whole parse; attribute values and text
   copied; the positions the handler may ask for computed at once). onego then replays the chunk's events through
   its own handler, so libxml2's code and onego's per-element code run apart instead of evicting each other from the
   instruction cache at every event. */

/// The kinds of recorded events: one bit each, so that the replay tests them with plain branches (a compiler turns
/// comparisons of one value with several constants into a jump table, whose indirect branch mispredicts when the
/// kinds alternate).
enum {
    ONEGO_EVENT_START = 1,
    ONEGO_EVENT_END = 2,
    ONEGO_EVENT_TEXT = 4,
    /// A diagnostic raised by libxml2's error callbacks while recording, kept by onego under `index`.
    ONEGO_EVENT_NOTE = 8,
    /// A `<!DOCTYPE>`: the parser has been halted (see `onego_ctxt_halt` in CLibXML2's shim).
    ONEGO_EVENT_DOCTYPE = 16,
};

/// What every event starts with. Records are 8-byte aligned; `size` is the whole record's.
typedef struct onego_event {
    uint32_t kind;
    uint32_t size;
    /// The parser's line and column just after the event (0 and 0 without input).
    int32_t line;
    int32_t column;
    /// Where the `<` of the tag is (start and end tags, doctype), else `line` and `column`.
    int32_t tag_line;
    int32_t tag_column;
} onego_event;

/// A start tag, followed by `attribute_count` attribute records and then their values' bytes, concatenated.
typedef struct onego_start_event {
    onego_event event;
    const unsigned char *localname;
    const unsigned char *uri;
    int64_t attribute_count;
} onego_start_event;

/// One attribute of a start tag.
typedef struct onego_event_attribute {
    const unsigned char *localname;
    const unsigned char *uri;
    /// The value's length in bytes, or -1 when libxml2 gave no value.
    int64_t length;
} onego_event_attribute;

/// An end tag.
typedef struct onego_end_event {
    onego_event event;
    const unsigned char *localname;
    const unsigned char *uri;
} onego_end_event;

/// A run of character data (text or CDATA), followed by its bytes.
typedef struct onego_text_event {
    onego_event event;
    int64_t length;
} onego_text_event;

/// A diagnostic kept by onego under `index`.
typedef struct onego_note_event {
    onego_event event;
    int64_t index;
} onego_note_event;

/// The arena of one parse. `parser` is the libxml2 parser context (set once it exists).
typedef struct onego_recorder {
    unsigned char *bytes;
    size_t used;
    size_t capacity;
    void *parser;
    /// Set when the arena could not grow; the parser is then halted.
    int out_of_memory;
    /// Where the parser stood at the last start tag (its input's cursor, base and consumed count) and where that tag
    /// starts: the end event of an empty element (`<material …/>`), reported just after the `/>`, takes its position
    /// from there instead of scanning the tag again.
    const void *start_cur;
    const void *start_base;
    unsigned long start_consumed;
    int32_t start_tag_line;
    int32_t start_tag_column;
} onego_recorder;

/// A new, empty recorder, or NULL when out of memory.
onego_recorder *onego_recorder_create(size_t capacity);

/// Frees a recorder and its arena.
void onego_recorder_free(onego_recorder *recorder);

/// Empties the arena, keeping its storage.
void onego_recorder_reset(onego_recorder *recorder);

/// Points the element, character, CDATA and internal-subset callbacks of `sax` (an `xmlSAXHandler *`) at the
/// recorder's; the parser's user data must then be the recorder.
void onego_recorder_install(void *sax);

/// Appends a note event for the diagnostic onego keeps under `index`.
void onego_recorder_note(onego_recorder *recorder, int64_t index);

#endif
