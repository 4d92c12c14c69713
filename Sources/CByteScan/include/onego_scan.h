#ifndef ONEGO_SCAN_H
#define ONEGO_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Byte scans of onego's input screen (OnegoXML's XMLInputScreen), sixteen bytes at a time with SSE2 compares and
   byte masks (`_mm_movemask_epi8`, which Swift's SIMD types do not expose), byte by byte elsewhere. */

/// Skips the text and the short, plain tags of an ASCII-compatible document from `index`, while the screen's
/// state is text: returns `count` when no further `<` is left in `base[index..<count]`, else the index of the first
/// `<` whose tag is not confirmed whole. A tag is confirmed, and skipped through its `>`, when stepping through it
/// would end in the text state having broken no limit: an end tag (`</`) that ends within `window` bytes of its
/// `<` and within the chunk; or a start tag (not `<!`, `<?` or `<<`) that ends within `window` bytes and within the
/// chunk, holds no `'` and no `<` after its name, and whose `"` pair up so that its `>` stands outside a value (the
/// first `>` with an even count of `"` between the end of the name and it), with at most `max_attributes` pairs
/// of `"` and at most `max_tag_bytes` bytes from `<` to `>`. The name runs from the byte after `<` (whatever it is)
/// to the first space, tab, line feed, carriage return, `/`, `>` or `<`; a `"` in it is a name character.
size_t onego_screen_text(
    const uint8_t *base, size_t index, size_t count, size_t window, size_t max_attributes, size_t max_tag_bytes);

/// The last `byte` in `[start, end)`, or NULL when there is none; `*newlines` and `*characters` get the line feeds
/// and the UTF-8 characters (bytes that are not continuation bytes, 0x80 to 0xBF) after it, up to `end` (untouched
/// when there is none). One backward pass, sixteen bytes at a time: the block holding the byte is finished with
/// its byte masks instead of byte by byte.
const uint8_t *onego_last_byte_counts(
    const uint8_t *start, const uint8_t *end, uint8_t byte, size_t *newlines, size_t *characters);

#endif
