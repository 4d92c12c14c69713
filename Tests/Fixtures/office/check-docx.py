#!/usr/bin/env python3
"""Unzips a .docx with the standard library and checks its parts: [Content_Types].xml, the relationships, that
word/document.xml, styles.xml and footer1.xml are well-formed XML, that the page is A4 with a footer holding PAGE
and NUMPAGES fields, and that 宋体/黑体 are declared. Prints the document's paragraph texts, one per line, after
"TEXT:" so the Swift test can look for content. Exits 1 with a message on the first failure."""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


try:
    archive = zipfile.ZipFile(sys.argv[1])
except zipfile.BadZipFile as error:
    fail(f"not a zip: {error}")
names = set(archive.namelist())
for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footer1.xml",
             "word/_rels/document.xml.rels"]:
    if part not in names:
        fail(f"missing {part}")
parsed = {}
for part in names:
    try:
        parsed[part] = ET.fromstring(archive.read(part))
    except ET.ParseError as error:
        fail(f"{part} is not well-formed: {error}")
document = parsed["word/document.xml"]
size = document.find(f".//{W}sectPr/{W}pgSz")
if size is None or size.get(f"{W}w") != "11906" or size.get(f"{W}h") != "16838":
    fail("page is not A4")
if document.find(f".//{W}sectPr/{W}footerReference") is None:
    fail("no footer reference")
footer = archive.read("word/footer1.xml").decode()
if "PAGE" not in footer or "NUMPAGES" not in footer:
    fail("footer lacks page fields")
styles = archive.read("word/styles.xml").decode()
if "宋体" not in styles or "黑体" not in styles:
    fail("fonts 宋体/黑体 not declared")
tables = document.findall(f".//{W}tbl")
if not tables or any(t.find(f"{W}tblPr/{W}tblBorders") is None for t in tables):
    fail("tables without borders")
headings = [p for p in document.iter(f"{W}p")
            if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == "Heading1"]
print(f"OK tables={len(tables)} headings={len(headings)}")
for paragraph in document.iter(f"{W}p"):
    text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
    if text:
        print("TEXT:" + text)
