"""Feed reader: RSS and Atom entries through feedparser."""
from __future__ import annotations

import datetime as dt

from wirecoder.read.feed import read_feed_file
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

SETTINGS = Settings()
P1 = ("Russian President Vladimir Putin on Monday congratulated Nicolas Maduro on winning the disputed "
      "Venezuelan election, and the Kremlin said it was deepening cooperation in all areas.")
P2 = ("Maduro and his opposition rival Edmundo Gonzalez have both claimed victory in the presidential "
      "election as Washington and other governments cast doubt on the official results.")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World news</title><link>https://news.example/</link><description>d</description>
<item><title>Putin congratulates Maduro</title><link>https://news.example/putin-maduro</link>
<pubDate>Mon, 29 Jul 2024 10:00:00 GMT</pubDate><author>guy@example.org (Guy Faulconbridge)</author>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>{P1}</p><p>{P2}</p>]]></content:encoded></item>
<item><title>Summary only &amp; more</title><link>https://news.example/summary</link>
<pubDate>Tue, 30 Jul 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{P2}</p>]]></description></item>
<item><title>Empty</title><link>https://news.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id>
<updated>2024-07-29T12:00:00Z</updated>
<entry><title>Atom entry</title><link href="https://atom.example/1"/><id>urn:1</id>
<published>2024-07-28T09:00:00Z</published><updated>2024-07-29T09:00:00Z</updated>
<author><name>Jane Doe</name></author>
<content type="html">&lt;p&gt;{P1}&lt;/p&gt;</content></entry>
<entry><title>Second</title><link href="https://atom.example/2"/><id>urn:2</id>
<updated>2024-07-29T09:00:00Z</updated><summary>{P2}</summary></entry>
</feed>"""


def read(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(read_feed_file(path, SETTINGS))


def test_rss_entries(tmp_path):
    full, summary, empty = read(tmp_path, "news.rss", RSS)
    assert isinstance(full, Article)
    assert full.text == P1 + "\n" + P2
    assert (full.headline, full.url, full.source) == ("Putin congratulates Maduro",
                                                      "https://news.example/putin-maduro",
                                                      "https://news.example/putin-maduro")
    assert full.published == dt.date(2024, 7, 29)
    assert full.byline == ("Guy Faulconbridge",)
    assert isinstance(summary, Article)
    assert summary.text == P2 and summary.headline == "Summary only & more"
    assert summary.published == dt.date(2024, 7, 30)
    assert isinstance(empty, Skip) and empty.source == "https://news.example/empty"


def test_atom_entries(tmp_path):
    first, second = read(tmp_path, "feed.atom", ATOM)
    assert first.text == P1 and first.published == dt.date(2024, 7, 28)
    assert first.byline == ("Jane Doe",)
    assert second.text == P2 and second.published == dt.date(2024, 7, 29)


def test_malformed_feed_is_one_skip(tmp_path):
    [skip] = read(tmp_path, "broken.xml", "<?xml version='1.0'?><rss><channel><title>x</ti")
    assert isinstance(skip, Skip) and "not a readable RSS/Atom feed" in skip.reason


def test_feed_without_entries(tmp_path):
    [skip] = read(tmp_path, "empty.rss", "<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>"
                                          "</channel></rss>")
    assert isinstance(skip, Skip) and skip.reason == "the feed has no entries"


def test_lenient_feed_notes_the_problem(tmp_path):
    broken = RSS.replace("</channel></rss>", "<item><title>oops</title>")
    items = read(tmp_path, "lenient.rss", broken)
    articles = [i for i in items if isinstance(i, Article)]
    assert articles and all("not well-formed" in a.notes[-1] for a in articles)
