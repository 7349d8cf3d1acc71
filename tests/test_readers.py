from __future__ import annotations

import gzip
import io
import json
from datetime import date

import pytest

from eventwire.errors import BadLineError, InputError
from eventwire.ingest import detect_format, read_articles
from eventwire.options import Options

from .conftest import STORY

PAGE = f"""<!doctype html><html><head><title>Ithilen troops pull back</title>
<meta property="og:site_name" content="Harbor Daily">
<meta name="date" content="2024-04-09"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ithilen troops pull back from border villages</h1>
{''.join(f'<p>{p}</p>' for p in STORY.split(chr(10)))}
</article><footer>Copyright 2024 Harbor Daily. All rights reserved.</footer></body></html>"""


def _one(path, options=None):
    articles = list(read_articles([path], options or Options()))
    assert len(articles) == 1
    return articles[0]


def test_txt_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    a = _one(p)
    assert a.status == "ok" and a.text == STORY and a.origin == str(p)
    assert a.language == "en" and a.published is None


def test_txt_id_is_a_stable_content_hash(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "c.txt").write_text(STORY + " One more sentence.")
    ids = [a.id for a in read_articles([tmp_path], Options())]
    assert ids[0] == ids[1] != ids[2]
    assert len(ids[0]) == 16


def test_published_option_applies_to_undated_articles(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY)
    assert _one(p, Options(published=date(2024, 4, 9))).published == date(2024, 4, 9)


def test_html_file_extracts_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    a = _one(p)
    assert a.status == "ok"
    assert "withdrawn from two border villages" in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert a.title.startswith("Ithilen troops pull back")
    assert a.published == date(2024, 4, 9)


def test_jsonl_fields_and_field_mapping(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [
        {"id": 7, "text": STORY, "title": "T", "url": "http://x.test/1", "source": "Meridian Wire",
         "published": "2024-04-09T10:00:00Z"},
        {"body": STORY, "headline": "H", "date": "Tue, 09 Apr 2024 10:00:00 GMT"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    a, b = read_articles([p], Options(field_map={}, skip_bad_lines=True))
    assert (a.id, a.title, a.url, a.source, a.published) == (
        "7", "T", "http://x.test/1", "Meridian Wire", date(2024, 4, 9))
    assert a.origin == f"{p}:1"
    assert b.status == "error" and b.reason == "no-text" and "--field text=NAME" in b.detail
    mapped = list(read_articles([p], Options(field_map={"text": "body", "title": "headline",
                                                        "published": "date"})))
    assert mapped[1].status == "ok" and mapped[1].title == "H"
    assert mapped[1].published == date(2024, 4, 9)


def test_gzipped_jsonl(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    with gzip.open(p, "wt") as fh:
        fh.write(json.dumps({"text": STORY}) + "\n")
    assert _one(p).status == "ok"


def test_json_array_and_single_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": STORY, "id": "x1"}, {"text": STORY, "id": "x2"}]))
    assert [a.id for a in read_articles([arr], Options())] == ["x1", "x2"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": STORY, "id": "solo"}))
    assert _one(one).id == "solo"


def test_csv_with_quoted_newlines(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,title,text,published\nc1,First,"' + STORY.replace('"', '""') + '",2024-04-09\n')
    a = _one(p)
    assert a.id == "c1" and a.text == STORY and a.published == date(2024, 4, 9)


def test_directory_recursive_and_glob(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "sub" / "two.txt").write_text(STORY + " Two.")
    (tmp_path / "sub" / "deeper" / "three.jsonl").write_text(json.dumps({"text": STORY + " 3."}))
    (tmp_path / ".hidden.txt").write_text("secret")
    found = [a.origin for a in read_articles([tmp_path], Options())]
    # Files of a folder come before its subfolders, each in name order.
    assert found == [str(tmp_path / "one.txt"), str(tmp_path / "sub" / "two.txt"),
                     str(tmp_path / "sub" / "deeper" / "three.jsonl") + ":1"]
    globbed = list(read_articles([str(tmp_path / "**" / "*.txt")], Options()))
    assert len(globbed) == 2


def test_stdin_is_sniffed(monkeypatch):
    data = (json.dumps({"text": STORY, "id": "s1"}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    a = _one("-")
    assert a.id == "s1" and a.origin == "<stdin>:1"


def test_stdin_plain_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(STORY.encode()))))
    assert _one("-").text == STORY


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Eastline News</title>
<item><title>Troops withdraw</title><link>http://eastline.test/a</link>
<guid>eastline-1</guid><pubDate>Tue, 09 Apr 2024 08:00:00 GMT</pubDate>
<description><![CDATA[{''.join(f'<p>{p}</p>' for p in STORY.split(chr(10)))}]]></description></item>
<item><title>Empty</title><link>http://eastline.test/b</link></item>
</channel></rss>"""


def test_rss_feed(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(RSS)
    a, b = read_articles([p], Options())
    assert a.status == "ok" and a.id == "eastline-1" and a.source == "Eastline News"
    assert a.url == "http://eastline.test/a" and a.published == date(2024, 4, 9)
    assert a.text.count("\n") == 2 and "withdrawn" in a.text
    assert b.status == "skipped" and b.reason == "empty"


ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Continental Press</title><entry><title>Talks</title><id>urn:cp:1</id>
<link href="http://cp.test/1"/><updated>2024-04-10T12:00:00Z</updated>
<content type="html">{STORY.replace('&', '&amp;').replace('<', '&lt;').replace('"', '&quot;')}</content>
</entry></feed>"""


def test_atom_feed(tmp_path):
    p = tmp_path / "feed.atom"
    p.write_text(ATOM)
    a = _one(p)
    assert a.id == "urn:cp:1" and a.published == date(2024, 4, 10) and "Rostami" in a.text


def test_warc_html_records_only(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [
            ("http://harbor.test/story", "text/html; charset=utf-8", PAGE.encode()),
            ("http://harbor.test/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
    a = _one(p)
    assert a.url == "http://harbor.test/story" and "Rostami" in a.text
    assert a.published == date(2024, 4, 9)  # the page's own date wins over the crawl date


def test_format_detection():
    assert detect_format("x.warc.gz") == "warc"
    assert detect_format("x.jsonl.gz") == "jsonl"
    assert detect_format("x.xml", b"<html><body>") == "html"
    assert detect_format("x.xml", b"<?xml?><rss>") == "rss"
    assert detect_format("noext", b'{"text": "a"}\n') == "jsonl"
    assert detect_format("noext", b'{\n "text": "a"}') == "json"
    assert detect_format("noext", b"Plain words") == "txt"
    assert detect_format("noext", b"WARC/1.0\r\n") == "warc"


def test_missing_path_and_empty_glob_raise_input_error(tmp_path):
    with pytest.raises(InputError):
        list(read_articles([tmp_path / "nope.txt"], Options()))
    with pytest.raises(InputError):
        list(read_articles([str(tmp_path / "*.nothing")], Options()))


def test_malformed_jsonl_line_names_file_and_line(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"text": STORY}) + "\n{not json\n" + json.dumps({"text": STORY}) + "\n")
    with pytest.raises(BadLineError) as info:
        list(read_articles([p], Options()))
    assert info.value.line == 2 and info.value.path == str(p)
    assert "--skip-bad-lines" in str(info.value)
    articles = list(read_articles([p], Options(skip_bad_lines=True)))
    assert [a.status for a in articles] == ["ok", "error", "ok"]
    assert articles[1].reason == "bad-line" and articles[1].origin == f"{p}:2"


def test_damaged_feed_and_warc_files_become_error_rows(tmp_path):
    feed = tmp_path / "broken.rss"
    feed.write_text("<rss><channel><item><title>unterminated")
    warc = tmp_path / "broken.warc"
    warc.write_bytes(b"\x00\x00 not a warc")
    rows = list(read_articles([feed, warc], Options()))
    assert [(a.status, a.reason) for a in rows] in (
        [("error", "corrupt"), ("error", "corrupt")],
        # feedparser salvages entries from some broken feeds; those come out as skipped/empty
        [("skipped", "empty"), ("error", "corrupt")],
    )


def test_parquet_rows_are_articles(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"body": [STORY, "", "A second report on the talks."],
                      "headline": ["Border clashes", "Blank", "Talks"],
                      "date": ["2024-04-09", "2024-04-10", "2024-04-11"]})
    pq.write_table(table, tmp_path / "news.parquet")
    options = Options(field_map={"text": "body", "title": "headline", "published": "date"})
    got = list(read_articles([tmp_path / "news.parquet"], options))
    assert [a.status for a in got] == ["ok", "skipped", "ok"]
    assert got[0].title == "Border clashes" and got[0].published == date(2024, 4, 9)
    assert got[0].origin.endswith("news.parquet:1") and got[2].text.startswith("A second report")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    broken = list(read_articles([tmp_path / "broken.parquet"], Options()))
    assert broken[0].status == "error" and broken[0].reason == "unreadable"


def test_urls_are_read_through_fsspec():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/feeds/a.jsonl", json.dumps({"text": STORY, "id": "m1"}).encode() + b"\n")
    fs.pipe("/feeds/b.txt", b"A short report written for this test about a ceasefire.")
    with fs.open("/feeds/c.jsonl.gz", "wb") as fh:
        fh.write(gzip.compress(json.dumps({"text": "Gzipped report.", "id": "m3"}).encode()))
    got = list(read_articles(["memory://feeds/*.jsonl"], Options()))
    assert [a.id for a in got] == ["m1"]
    everything = list(read_articles(["memory://feeds"], Options()))
    assert [a.origin.split("/")[-1] for a in everything] == ["a.jsonl:1", "b.txt", "c.jsonl.gz:1"]
    assert everything[2].text == "Gzipped report."
    with pytest.raises(InputError, match="nothing found"):
        list(read_articles(["memory://nowhere/*.jsonl"], Options()))
