#!/usr/bin/env python3
"""Sanity checks for the example corpus and examples/src/test/resources/corpus-questions.tsv.

Standard library only. For every document it derives the text a search engine should index
(Markdown/TXT as-is with UTF-8 or Latin-1 decoding, HTML with tags removed, PDF from the
source text in examples/tools/pdf-src plus the page footers) and then checks:

  * word counts per document and in total;
  * every expected_file in the questions file exists;
  * semantic rows: after lowercasing and splitting on non-alphanumeric characters, no query
    token occurs as a token anywhere in the target document (the hard requirement); shared
    5-character prefixes are reported as a softer, stemming-style warning;
  * lexical rows: at least one query token occurs in the target and in no other document;
  * pdfpage rows: note has page=N and N is within the PDF's page count;
  * a small BM25 ranking of every query, for information.

Usage: python3 examples/tools/check_corpus.py
"""

import html
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "data"))
SRC_DIR = os.path.join(HERE, "pdf-src")
QUESTIONS = os.path.normpath(os.path.join(HERE, "..", "src", "test", "resources", "corpus-questions.tsv"))


def decode(raw):
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def html_text(src, keep_scripts):
    if not keep_scripts:
        src = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", src)
    src = re.sub(r"(?s)<!--.*?-->", " ", src)
    src = re.sub(r"(?s)<[^>]+>", " ", src)
    return html.unescape(src)


def pdf_sources():
    """Map output path (relative to data/) -> (text as extracted, page count)."""
    result = {}
    for name in sorted(os.listdir(SRC_DIR)):
        if not name.endswith(".txt"):
            continue
        meta, body = {}, []
        for line in open(os.path.join(SRC_DIR, name), encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("@") and ":" in line and not body:
                k, v = line[1:].split(":", 1)
                meta[k.strip()] = v.strip()
            else:
                body.append(line)
        pages = 1 + sum(1 for l in body if l.strip() == "===PAGE===")
        text = "\n".join(re.sub(r"^(#+ |- )", "", l) for l in body if l.strip() != "===PAGE===")
        footers = "\n".join("Kestrel Hill Coffee Roasters | %s | Page %d of %d" % (meta["footer"], i, pages)
                            for i in range(1, pages + 1))
        result[meta["output"]] = (text + "\n" + footers, pages)
    return result


def load_corpus():
    """Return {relpath: {"text": indexable text, "strict": superset text, "enc": ..., "pages": n}}."""
    pdfs = pdf_sources()
    docs = {}
    for root, _, files in os.walk(DATA_DIR):
        for f in sorted(files):
            path = os.path.join(root, f)
            rel = os.path.relpath(path, DATA_DIR).replace(os.sep, "/")
            ext = f.rsplit(".", 1)[-1].lower()
            if ext == "pdf":
                text, pages = pdfs[rel]
                docs[rel] = {"text": text, "strict": text, "enc": "pdf", "pages": pages}
                continue
            raw = open(path, "rb").read()
            text, enc = decode(raw)
            if ext in ("html", "htm"):
                docs[rel] = {"text": html_text(text, False), "strict": html_text(text, True) + " " + text,
                             "enc": enc, "pages": None}
            else:
                docs[rel] = {"text": text, "strict": text, "enc": enc, "pages": None}
    return docs


def tokens(text):
    """Lowercase, split on non-alphanumerics. Union of a Unicode-aware and an ASCII-only split."""
    low = text.lower()
    uni = [t for t in re.split(r"[\W_]+", low) if t]
    asc = [t for t in re.split(r"[^a-z0-9]+", low) if t]
    return uni + [t for t in asc if t not in set(uni)]


TOKENS = tokens


def read_questions():
    rows = []
    with open(QUESTIONS, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header == ["kind", "query", "expected_file", "note"], header
        for n, line in enumerate(fh, 2):
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            assert len(parts) == 4, "line %d has %d columns" % (n, len(parts))
            rows.append(dict(zip(header, parts)))
    return rows


STOPWORDS = set("a an and are as at be by can did do does for from get go how i in is it me my of on or "
                "our should the to was we were what when where which who why will with you your".split())


def bm25_rank(docs, query, k1=1.2, b=0.75):
    """Plain BM25 with a tiny stopword list and no stemming; for information only."""
    def tokens(text):
        return [t for t in TOKENS(text) if t not in STOPWORDS]
    toks = {rel: Counter(tokens(d["text"])) for rel, d in docs.items()}
    lens = {rel: sum(c.values()) for rel, c in toks.items()}
    avg = sum(lens.values()) / len(lens)
    n = len(docs)
    scores = {}
    for rel, c in toks.items():
        s = 0.0
        for q in set(tokens(query)):
            df = sum(1 for cc in toks.values() if q in cc)
            if not df or q not in c:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            tf = c[q]
            s += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lens[rel] / avg))
        scores[rel] = s
    return sorted(scores, key=lambda r: -scores[r]), scores


def main():
    docs = load_corpus()
    failures = []
    print("== Documents ==")
    total = 0
    for rel in sorted(docs):
        words = len(re.findall(r"\w+(?:[’'.,-]\w+)*", docs[rel]["text"]))
        total += words
        flag = "" if 150 <= words <= 900 else "   <-- outside 150..900"
        print("%-48s %-8s %5d words%s" % (rel, docs[rel]["enc"], words, flag))
    print("%d documents, %d words in total" % (len(docs), total))

    rows = read_questions()
    kinds = Counter(r["kind"] for r in rows)
    print("\n== Questions: %s ==" % dict(kinds))
    for r in rows:
        if r["expected_file"] not in docs:
            failures.append("missing expected_file %s" % r["expected_file"])

    df = Counter()
    doc_tokens = {rel: set(tokens(d["strict"])) for rel, d in docs.items()}
    for s in doc_tokens.values():
        df.update(s)

    print("\n== Semantic rows: query tokens shared with the target document (must be none) ==")
    for r in rows:
        if r["kind"] != "semantic":
            continue
        target = doc_tokens[r["expected_file"]]
        q = tokens(r["query"])
        shared = sorted(set(q) & target)
        prefix = sorted({t for t in target for w in q if len(w) >= 4 and t[:5] == w[:5]})
        elsewhere = sorted({rel for rel, s in doc_tokens.items() if rel != r["expected_file"] and set(q) & s})
        status = "OK" if not shared else "FAIL"
        if shared:
            failures.append("semantic query %r shares %s with %s" % (r["query"], shared, r["expected_file"]))
        print("%-4s %-30s -> %-46s tokens=%s shared=%s prefix-overlap=%s"
              % (status, r["query"], r["expected_file"], q, shared, prefix or "none"))
        print("     (other documents containing any query token: %s)" % (", ".join(elsewhere) or "none"))

    print("\n== Lexical rows: query tokens found only in the target document ==")
    for r in rows:
        if r["kind"] != "lexical":
            continue
        target = doc_tokens[r["expected_file"]]
        uniq = sorted({t for t in tokens(r["query"]) if t in target and df[t] == 1})
        if not uniq:
            failures.append("lexical query %r has no token unique to its target" % r["query"])
        print("%-4s %-46s unique tokens: %s" % ("OK" if uniq else "FAIL", r["expected_file"], uniq))

    print("\n== pdfpage rows ==")
    for r in rows:
        if r["kind"] != "pdfpage":
            continue
        m = re.search(r"page=(\d+)", r["note"])
        pages = docs.get(r["expected_file"], {}).get("pages")
        ok = bool(m) and pages is not None and 1 <= int(m.group(1)) <= pages
        if not ok:
            failures.append("bad pdfpage row %r" % r["query"])
        print("%-4s %s page=%s of %s" % ("OK" if ok else "FAIL", r["expected_file"], m and m.group(1), pages))

    print("\n== BM25 (information only): rank of the expected document ==")
    for r in rows:
        order, scores = bm25_rank(docs, r["query"])
        rank = order.index(r["expected_file"]) + 1 if scores[r["expected_file"]] > 0 else None
        print("%-8s rank=%-4s %-60s top=%s" % (r["kind"], rank, r["query"][:60], order[0]))

    print("\nRESULT: %s" % ("all checks passed" if not failures else "FAILED:\n  " + "\n  ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
