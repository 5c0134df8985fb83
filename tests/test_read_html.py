"""HTML reader: main text, title, date and author through trafilatura."""
from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.read.html import fragment_text, html_to_article, read_html_file
from wirecoder.records import Article, Skip
from wirecoder.settings import Settings

SETTINGS = Settings()
PARAS = [
    "MOSCOW (Reuters) - Russian President Vladimir Putin on Monday congratulated Nicolas Maduro on "
    "winning the disputed Venezuelan election, and the Kremlin said it was deepening cooperation.",
    "Maduro and his opposition rival Edmundo Gonzalez have both claimed victory in the presidential "
    "election as Washington and some other foreign governments cast doubt on official results.",
    "The national electoral authority said just after midnight that Maduro had won a third term.",
]


def page(title="Putin congratulates Maduro | Reuters", author="Guy Faulconbridge",
         date="2024-07-29T10:00:00Z", paras=PARAS, h1=None) -> str:
    meta = ""
    if author:
        meta += f'<meta name="author" content="{author}">'
    if date:
        meta += f'<meta property="article:published_time" content="{date}">'
    body = "".join(f"<p>{p}</p>" for p in paras)
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article>{heading}{body}</article><footer>Copyright 2024 Example News</footer></body></html>")


def test_page_to_article(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    art = read_html_file(path, SETTINGS)
    assert isinstance(art, Article)
    assert art.text.split("\n") == PARAS
    assert art.headline == "Putin congratulates Maduro"
    assert art.published == dt.date(2024, 7, 29)
    assert art.byline == ("Guy Faulconbridge",)
    assert "Home" not in art.text and "Copyright" not in art.text


def test_fallback_date_when_page_has_none():
    art = html_to_article(page(date=None), "x.html", SETTINGS, published=dt.date(2020, 1, 2))
    assert isinstance(art, Article)
    assert art.published == dt.date(2020, 1, 2)


@pytest.mark.parametrize("html", [
    "<html><head><title>Nothing</title></head><body><div></div></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "",
])
def test_no_article_text(html):
    skip = html_to_article(html, "empty.html", SETTINGS)
    assert isinstance(skip, Skip)
    assert skip.reason == "no article text found in the HTML"


def test_charset_from_the_page(tmp_path):
    path = tmp_path / "latin.html"
    html = page().replace("<head>", '<head><meta charset="windows-1252">').replace(
        "Nicolas Maduro on", "Nicolás Maduro on")
    path.write_bytes(html.encode("cp1252"))
    art = read_html_file(path, SETTINGS)
    assert isinstance(art, Article) and "Nicolás Maduro" in art.text


@pytest.mark.parametrize("html, text", [
    ("<p>First paragraph.</p><p>Second  paragraph.</p>", "First paragraph.\nSecond paragraph."),
    ("Plain summary, no tags.", "Plain summary, no tags."),
    ("<div>One<br>Two</div><script>var x = 1;</script>", "One\nTwo"),
])
def test_fragment_text(html, text):
    assert fragment_text(html) == text
