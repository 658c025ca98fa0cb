#!/usr/bin/env python3
"""Generate the example PDF documents in examples/data/ from examples/tools/pdf-src/*.txt.

Standard library only. Produces plain PDF 1.4 files that use the standard Type1 fonts
Helvetica (body) and Helvetica-Bold (headings) with /WinAnsiEncoding, uncompressed content
streams that emit one text line per Tj (positioned with Td), a "Page N of M" footer on each
page, and an xref table with exact byte offsets. After writing, every file is re-parsed and
its xref offsets, stream lengths and trailer are verified.

Source format (one file per PDF, UTF-8):
    @output: relative/path/inside/examples/data.pdf
    @title:  document title (PDF /Title)
    @footer: text shown in the footer before "Page N of M"
    # Title line
    ## Heading
    ### Sub-heading
    - bullet item
    1. numbered item
    ===PAGE===        (forced page break)
    any other line is a paragraph; blank lines add vertical space

Usage: python3 examples/tools/make_pdfs.py            (writes the PDFs and checks them)
       python3 examples/tools/make_pdfs.py --check-only (checks the existing PDFs)
"""

import hashlib
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "pdf-src")
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "data"))

PAGE_W, PAGE_H = 612, 792
MARGIN = 72
TEXT_W = PAGE_W - 2 * MARGIN
TOP_Y = PAGE_H - MARGIN          # top of the text area
BOTTOM_Y = MARGIN                # lowest allowed baseline
FOOTER_Y = 40
FOOTER_SIZE = 9
BULLET = "\u2022"

# Character widths (1/1000 em) for codes 32..126, from the Adobe AFM files of the base-14 fonts.
_HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
         1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
         667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
         333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
         556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_HELV_BOLD = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
              556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
              975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
              667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
              333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
              611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
_SPECIAL = {"\u00b0": 400, BULLET: 350, "\u2013": 556, "\u2014": 1000, "\u2018": 222,
            "\u2019": 222, "\u201c": 333, "\u201d": 333, "\u00d7": 584, "\u00b7": 278,
            "\u20ac": 556, "\u00a0": 278}

FONTS = {"F1": ("Helvetica", _HELV), "F2": ("Helvetica-Bold", _HELV_BOLD)}

# style name -> (font, size, leading, extra space before)
STYLES = {
    "title": ("F2", 16, 20, 0),
    "h2": ("F2", 12.5, 16, 8),
    "h3": ("F2", 11, 14, 4),
    "body": ("F1", 11, 14, 0),
    "item": ("F1", 11, 14, 2),
}


def char_width(ch, font):
    table = FONTS[font][1]
    code = ord(ch)
    if 32 <= code <= 126:
        return table[code - 32]
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    if base and 32 <= ord(base) <= 126:
        return table[ord(base) - 32]
    return 556


def text_width(text, font, size):
    return sum(char_width(c, font) for c in text) * size / 1000.0


def wrap(text, font, size, first_width, rest_width):
    """Greedy word wrap; returns a list of lines."""
    words = text.split()
    lines, cur = [], ""
    width = first_width
    for w in words:
        cand = w if not cur else cur + " " + w
        if text_width(cand, font, size) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
            width = rest_width
    if cur:
        lines.append(cur)
    return lines


def pdf_string(text):
    """Encode text as a PDF literal string in WinAnsi (cp1252), escaping ( ) \\ and non-ASCII."""
    out = []
    for b in text.encode("cp1252"):
        c = chr(b)
        if c in "()\\":
            out.append("\\" + c)
        elif 32 <= b <= 126:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return "(" + "".join(out) + ")"


def parse_source(path):
    meta, blocks = {}, []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip()
            if line.startswith("@") and ":" in line and not blocks:
                key, val = line[1:].split(":", 1)
                meta[key.strip()] = val.strip()
            elif line == "===PAGE===":
                blocks.append(("pagebreak", ""))
            elif not line.strip():
                blocks.append(("gap", ""))
            elif line.startswith("### "):
                blocks.append(("h3", line[4:].strip()))
            elif line.startswith("## "):
                blocks.append(("h2", line[3:].strip()))
            elif line.startswith("# "):
                blocks.append(("title", line[2:].strip()))
            elif line.startswith("- "):
                blocks.append(("bullet", line[2:].strip()))
            elif re.match(r"^\d+\. ", line):
                num, rest = line.split(" ", 1)
                blocks.append(("numbered", num + "\t" + rest.strip()))
            else:
                blocks.append(("para", line.strip()))
    for key in ("output", "title", "footer"):
        if key not in meta:
            raise SystemExit("%s: missing @%s" % (path, key))
    return meta, blocks


def layout(blocks):
    """Turn blocks into pages; each page is a list of (font, size, x, y, text)."""
    pages, page = [], []
    y = TOP_Y

    def new_page():
        nonlocal page, y
        pages.append(page)
        page, y = [], TOP_Y

    for kind, text in blocks:
        if kind == "pagebreak":
            new_page()
            continue
        if kind == "gap":
            if page:
                y -= 6
            continue
        if kind in ("title", "h2", "h3"):
            font, size, lead, before = STYLES[kind]
            lines = wrap(text, font, size, TEXT_W, TEXT_W)
            # keep a heading together with at least two following body lines
            need = before + lead * len(lines) + 2 * 14
            if page and y - need < BOTTOM_Y:
                new_page()
            if page:
                y -= before
            for ln in lines:
                y -= lead
                page.append((font, size, MARGIN, y, ln))
            y -= 2
            continue
        font, size, lead, before = STYLES["item" if kind in ("bullet", "numbered") else "body"]
        if kind == "bullet":
            prefix = BULLET + "  "
            x0 = MARGIN + 10
        elif kind == "numbered":
            num, text = text.split("\t", 1)
            prefix = num + "  "
            x0 = MARGIN + 10
        else:
            prefix = ""
            x0 = MARGIN
        indent = text_width(prefix, font, size)
        lines = wrap(text, font, size, TEXT_W - (x0 - MARGIN) - indent,
                     TEXT_W - (x0 - MARGIN) - indent)
        if page and kind != "para":
            y -= before
        for i, ln in enumerate(lines):
            if y - lead < BOTTOM_Y:
                new_page()
            y -= lead
            if i == 0:
                page.append((font, size, x0, y, prefix + ln))
            else:
                page.append((font, size, x0 + indent, y, ln))
    if page:
        pages.append(page)
    return [p for p in pages if p]


def content_stream(lines, footer_text):
    ops = ["BT"]
    cur_font = None
    cx, cy = 0.0, 0.0
    for font, size, x, y, text in lines:
        if cur_font != (font, size):
            ops.append("/%s %s Tf" % (font, fmt(size)))
            cur_font = (font, size)
        ops.append("%s %s Td" % (fmt(x - cx), fmt(y - cy)))
        cx, cy = x, y
        ops.append("%s Tj" % pdf_string(text))
    ops.append("ET")
    fw = text_width(footer_text, "F1", FOOTER_SIZE)
    ops.append("BT")
    ops.append("/F1 %d Tf" % FOOTER_SIZE)
    ops.append("%s %d Td" % (fmt((PAGE_W - fw) / 2), FOOTER_Y))
    ops.append("%s Tj" % pdf_string(footer_text))
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("latin-1")


def fmt(v):
    s = ("%.2f" % v).rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def build_pdf(meta, pages):
    n_pages = len(pages)
    objects = {}
    page_ids = [6 + 2 * i for i in range(n_pages)]
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
                  % (" ".join("%d 0 R" % p for p in page_ids), n_pages)).encode()
    for num, fid in ((3, "F1"), (4, "F2")):
        objects[num] = ("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                        % FONTS[fid][0]).encode()
    objects[5] = ("<< /Title %s /Author %s /Creator %s /Producer %s /CreationDate (D:20260215090000Z) >>"
                  % (pdf_string(meta["title"]), pdf_string("Kestrel Hill Coffee Roasters"),
                     pdf_string("examples/tools/make_pdfs.py"),
                     pdf_string("make_pdfs.py (Python standard library)"))).encode("latin-1")
    for i, lines in enumerate(pages):
        pid, cid = page_ids[i], page_ids[i] + 1
        footer = "Kestrel Hill Coffee Roasters  |  %s  |  Page %d of %d" % (meta["footer"], i + 1, n_pages)
        stream = content_stream(lines, footer)
        objects[pid] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                        "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >> "
                        "/Contents %d 0 R >>" % (PAGE_W, PAGE_H, cid)).encode()
        objects[cid] = (b"<< /Length %d >>\nstream\n" % len(stream)) + stream + b"endstream"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    size = max(objects) + 1
    offsets = [0] * size
    for num in range(1, size):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref_pos = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    doc_id = hashlib.md5(bytes(out)).hexdigest().encode()
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R /ID [<%s> <%s>] >>\n"
            % (size, doc_id, doc_id))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_pos
    return bytes(out)


def check_pdf(path):
    """Structural check: header, startxref, xref offsets, stream lengths, trailer. Returns page count."""
    data = open(path, "rb").read()
    problems = []
    if not data.startswith(b"%PDF-1.4"):
        problems.append("bad header")
    m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if not m:
        raise AssertionError("%s: no startxref/%%EOF at end" % path)
    xref_pos = int(m.group(1))
    if not data[xref_pos:].startswith(b"xref"):
        raise AssertionError("%s: startxref does not point at xref" % path)
    hm = re.match(rb"xref\s+(\d+)\s+(\d+)\s*\n", data[xref_pos:])
    first, count = int(hm.group(1)), int(hm.group(2))
    pos = xref_pos + hm.end()
    entries = []
    for i in range(count):
        entry = data[pos:pos + 20]
        if len(entry) != 20 or not re.match(rb"\d{10} \d{5} [nf] \n", entry):
            problems.append("malformed xref entry %d: %r" % (i, entry))
        entries.append((first + i, int(entry[:10]), entry[17:18]))
        pos += 20
    for num, off, kind in entries:
        if kind == b"n" and not data[off:].startswith(b"%d 0 obj" % num):
            problems.append("object %d: offset %d does not point at '%d 0 obj'" % (num, off, num))
    tm = re.search(rb"trailer\s*<<(.*?)>>\s*startxref", data[pos:], re.S)
    if not tm:
        problems.append("no trailer")
    else:
        trailer = tm.group(1)
        sm = re.search(rb"/Size (\d+)", trailer)
        if not sm or int(sm.group(1)) != count:
            problems.append("trailer /Size does not match xref count")
        if b"/Root 1 0 R" not in trailer:
            problems.append("trailer has no /Root")
    for sm in re.finditer(rb"<< /Length (\d+) >>\nstream\n", data):
        length = int(sm.group(1))
        end = sm.end() + length
        if data[end:end + 9] != b"endstream":
            problems.append("stream at %d: /Length %d does not end at 'endstream'" % (sm.start(), length))
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    cm = re.search(rb"/Count (\d+)", data)
    if not cm or int(cm.group(1)) != pages:
        problems.append("/Count does not match number of page objects")
    if problems:
        raise AssertionError("%s:\n  %s" % (path, "\n  ".join(problems)))
    return pages


def source_files():
    return sorted(os.path.join(SRC_DIR, f) for f in os.listdir(SRC_DIR) if f.endswith(".txt"))


def main(argv):
    check_only = "--check-only" in argv
    ok = True
    for src in source_files():
        meta, blocks = parse_source(src)
        out_path = os.path.join(DATA_DIR, meta["output"])
        if not check_only:
            pages = layout(blocks)
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            with open(out_path, "wb") as fh:
                fh.write(build_pdf(meta, pages))
            print("wrote %s (%d pages)" % (os.path.relpath(out_path, DATA_DIR), len(pages)))
            for i, page in enumerate(pages, 1):
                heads = [t for f, s, x, y, t in page if f == "F2"]
                print("    page %d: %s" % (i, "; ".join(heads)))
        try:
            n = check_pdf(out_path)
            print("    check OK: %s, %d pages, xref offsets verified" % (os.path.relpath(out_path, DATA_DIR), n))
        except AssertionError as exc:
            ok = False
            print("    CHECK FAILED: %s" % exc)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
