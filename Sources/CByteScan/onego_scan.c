#include "onego_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Whether `byte` ends a start tag's name. */
static inline int ends_name(uint8_t byte) {
    return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F || byte == 0x3E ||
           byte == 0x3C;
}

/* The index of the first byte in `base[from..<end]` that ends a start tag's name, or `end`. */
static inline size_t name_end(const uint8_t *base, size_t from, size_t end) {
    size_t i = from;
#if defined(__SSE2__)
    if (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(base + i));
        __m128i space = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x09))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x0A)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x0D))));
        __m128i marks = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(0x2F)),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x3E)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x3C))));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(space, marks));
        /* Most names end within their first sixteen bytes; longer ones go on byte by byte. */
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i < end && !ends_name(base[i])) i++;
    return i;
}

/* The index of the first `byte` in `base[from..<end]`, or `end`. */
static inline size_t find_byte(const uint8_t *base, size_t from, size_t end, uint8_t byte) {
#if defined(__SSE2__)
    size_t i = from;
    const __m128i wanted = _mm_set1_epi8((char)byte);
    while (i + 16 <= end) {
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(base + i)), wanted));
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
    while (i < end && base[i] != byte) i++;
    return i;
#else
    /* Without SSE2 (arm64), the C library's memchr is vectorised where this loop would not be. */
    const void *found = from < end ? memchr(base + from, byte, end - from) : NULL;
    return found ? (size_t)((const uint8_t *)found - base) : end;
#endif
}

#if defined(__SSE2__)
/* The sum of the sixteen byte lanes of `lanes`. */
static inline size_t lane_sum(__m128i lanes) {
    __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    return (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
}
#endif

/* The index of the `>` that ends the start tag whose name ends at `from` (see onego_screen_text), or `end` (not
   confirmed) when a `'` or `<` comes first or no such `>` lies before `end`. `*quotes` gets the `"` counted.
   Blocks without `>`, `'` and `<` (most of a tag) cost one byte mask: their `"` are counted in byte lanes (a
   compare result is -1 per match), added up only at a `>` or every 255 blocks, where a count per block cost a
   software popcount (x86-64's baseline has no POPCNT). */
static size_t start_tag_end(const uint8_t *base, size_t from, size_t end, size_t *quotes) {
    size_t count = 0;
    size_t i = from;
#if defined(__SSE2__)
    const __m128i dq = _mm_set1_epi8(0x22), sq = _mm_set1_epi8(0x27), lt = _mm_set1_epi8(0x3C),
                  gt = _mm_set1_epi8(0x3E);
    __m128i lanes = _mm_setzero_si128();
    unsigned blocks = 0;
    while (i + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(base + i));
        __m128i is_gt = _mm_cmpeq_epi8(v, gt);
        __m128i is_bad = _mm_or_si128(_mm_cmpeq_epi8(v, sq), _mm_cmpeq_epi8(v, lt));
        __m128i is_dq = _mm_cmpeq_epi8(v, dq);
        if (_mm_movemask_epi8(_mm_or_si128(is_gt, is_bad)) != 0) {
            unsigned q = (unsigned)_mm_movemask_epi8(is_dq);
            unsigned bad = (unsigned)_mm_movemask_epi8(is_bad);
            unsigned g = (unsigned)_mm_movemask_epi8(is_gt);
            size_t before_block = count + lane_sum(lanes);
            while (g != 0) {
                unsigned position = (unsigned)__builtin_ctz(g);
                unsigned before = (1u << position) - 1;
                if (bad & before) return end;
                size_t total = before_block + (size_t)__builtin_popcount(q & before);
                /* An even count of `"` before this `>`: it ends the tag. */
                if ((total & 1) == 0) {
                    *quotes = total;
                    return i + position;
                }
                g &= g - 1;
            }
            if (bad) return end;
        }
        lanes = _mm_sub_epi8(lanes, is_dq);
        if (++blocks == 255) {
            count += lane_sum(lanes);
            lanes = _mm_setzero_si128();
            blocks = 0;
        }
        i += 16;
    }
    count += lane_sum(lanes);
#endif
    for (; i < end; i++) {
        uint8_t byte = base[i];
        if (byte == 0x22) {
            count++;
        } else if (byte == 0x27 || byte == 0x3C) {
            return end;
        } else if (byte == 0x3E && (count & 1) == 0) {
            *quotes = count;
            return i;
        }
    }
    return end;
}

size_t onego_screen_text(
    const uint8_t *base, size_t index, size_t count, size_t window, size_t max_attributes, size_t max_tag_bytes) {
    for (;;) {
        size_t open = find_byte(base, index, count, 0x3C);
        if (open == count) return count;
        size_t first = open + 1;
        if (first >= count) return open;
        size_t limit = count - open > window ? open + window : count;
        uint8_t kind = base[first];
        if (kind == 0x2F) {
            size_t close = find_byte(base, first, limit, 0x3E);
            if (close == limit) return open;
            index = close + 1;
            continue;
        }
        if (kind == 0x21 || kind == 0x3F || kind == 0x3C) return open;
        size_t i = name_end(base, first + 1, limit);
        size_t quotes = 0;
        size_t close = start_tag_end(base, i, limit, &quotes);
        if (close == limit || quotes / 2 > max_attributes || close - open > max_tag_bytes) return open;
        index = close + 1;
    }
}

const uint8_t *onego_last_byte_counts(
    const uint8_t *start, const uint8_t *end, uint8_t byte, size_t *newlines, size_t *characters) {
    size_t lines = 0, continuations = 0;
    const uint8_t *p = end;
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi8((char)byte), newline = _mm_set1_epi8(0x0A);
    /* Continuation bytes are 0x80 to 0xBF: below -64 as signed bytes. */
    const __m128i below = _mm_set1_epi8(-64);
    __m128i line_lanes = _mm_setzero_si128(), continuation_lanes = _mm_setzero_si128();
    unsigned blocks = 0;
    while (p - start >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p - 16));
        __m128i is_line = _mm_cmpeq_epi8(v, newline);
        __m128i is_continuation = _mm_cmplt_epi8(v, below);
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, wanted));
        if (hits != 0) {
            unsigned position = 31u - (unsigned)__builtin_clz(hits);
            unsigned after = 0xFFFFu & ~((2u << position) - 1);
            lines += lane_sum(line_lanes) + (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(is_line) & after);
            continuations += lane_sum(continuation_lanes) +
                             (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(is_continuation) & after);
            const uint8_t *found = p - 16 + position;
            *newlines = lines;
            *characters = (size_t)(end - found - 1) - continuations;
            return found;
        }
        line_lanes = _mm_sub_epi8(line_lanes, is_line);
        continuation_lanes = _mm_sub_epi8(continuation_lanes, is_continuation);
        if (++blocks == 255) {
            lines += lane_sum(line_lanes);
            continuations += lane_sum(continuation_lanes);
            line_lanes = continuation_lanes = _mm_setzero_si128();
            blocks = 0;
        }
        p -= 16;
    }
    lines += lane_sum(line_lanes);
    continuations += lane_sum(continuation_lanes);
#endif
    while (p > start) {
        p--;
        if (*p == byte) {
            *newlines = lines;
            *characters = (size_t)(end - p - 1) - continuations;
            return p;
        }
        lines += *p == 0x0A;
        continuations += (*p & 0xC0) == 0x80;
    }
    return NULL;
}
