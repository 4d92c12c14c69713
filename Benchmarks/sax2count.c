/* The parsing limit: libxml2's SAX2 push parser doing nothing but counting elements.
   Usage: sax2count FILE  -> prints "elements N" */
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>

static long count = 0;

static void start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                  const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    count++;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax2count FILE\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start;
    static char buf[1 << 18];
    size_t n = fread(buf, 1, 4, f);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int)n, argv[1]);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0) break;
    }
    xmlParseChunk(ctxt, NULL, 0, 1);
    int ok = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    fclose(f);
    printf("elements %ld\n", count);
    return ok ? 0 : 1;
}
