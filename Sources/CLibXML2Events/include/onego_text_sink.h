#ifndef ONEGO_TEXT_SINK_H
#define ONEGO_TEXT_SINK_H

#include <stddef.h>

/* Where libxml2's character callback gathers an element's text when its events go straight to onego's handler
   (the direct dispatch): the parser's user data is this sink, whose `owner` is the Swift parse context. Appending a
   run of text is a bounds check and a memcpy here, in C, instead of a call into Swift per run; whatever the
   callback does not append itself (no gathering, a run past the buffer or past the text limit) goes to `overflow`,
   which does the whole work in Swift. */

/// The text of the element being read and what the character callback needs to append to it.
typedef struct onego_text_sink {
    /// The Swift parse context (unretained): the other callbacks find it here.
    void *owner;
    /// The text since the last tag: `count` bytes of `capacity`.
    unsigned char *text;
    size_t count;
    size_t capacity;
    /// The most bytes of text one element may hold (`XMLLimits.maxTextBytes`).
    size_t limit;
    /// Nonzero while the callback appends runs itself (a slotted handler, a parse not stopped); zero hands every run
    /// to `overflow`.
    int gathers;
    /// Takes a run the callback does not append: `owner`, the run and its length (more than 0).
    void (*overflow)(void *owner, const unsigned char *chars, int length);
    /// The parser (an `xmlParserCtxtPtr`, NULL until it exists), whose position the character callback notes.
    void *parser;
    /// The parser's line and column where the last run of text ended. libxml2 reports a run of text once it stands
    /// on the `<` (or `&`) after it, so when no tag, comment, processing instruction or CDATA section came since,
    /// that is where the next tag starts: `text_ends_at_tag` is then nonzero. The tag callbacks clear it as they
    /// begin; the comment, processing-instruction and CDATA callbacks clear it too (CDATA is reported from inside
    /// its section).
    int text_end_line;
    int text_end_column;
    int text_ends_at_tag;
    /// Nonzero only during a start- or end-tag callback whose tag starts where the last run of text ended (at
    /// `text_end_line` and `text_end_column`), so the tag's position needs no scan back to its `<`.
    int tag_starts_at_text_end;
} onego_text_sink;

/// Points the character, CDATA, comment and processing-instruction callbacks of `sax` (an `xmlSAXHandler *`) at the
/// sink's; the parser's user data must then be the sink.
void onego_text_sink_install(void *sax);

/// The sink's character callback: notes where the run ends, then appends it or hands it to `overflow`.
void onego_text_sink_characters(void *sink, const unsigned char *chars, int length);

/// The sink's CDATA callback: appends the run like `onego_text_sink_characters`, noting no position.
void onego_text_sink_cdata(void *sink, const unsigned char *chars, int length);

#endif
