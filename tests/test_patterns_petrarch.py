"""The PETRARCH2 verb-dictionary converter (`wirecoder kb import-petrarch`) and the precedence of
imported patterns: hand-written patterns win, the imported lexicon fills the gaps."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder import Article, Coder, Settings
from wirecoder.cli import cli
from wirecoder.errors import KnowledgeError
from wirecoder.ontology import Ontology
from wirecoder.patterns import load_patterns
from wirecoder.patterns_petrarch import convert, read_vetting, singular
from wirecoder.settings import DATA_DIR

ONTOLOGY = Ontology.load(DATA_DIR / "cameo.tsv")

# a small hand-written dictionary in PETRARCH2's format (not a copy of CAMEO.2.0.txt)
SNIPPET = """\
# a comment line, then a blank line

&MONEY_WORDS
+PESO
+RUPEE
+HARD_CASH

&PHRASES_ONLY
+COLD_CASH

####### VERB PATTERNS #######

---  PLEAD   [---]  ---
PLEAD  [020]   # the verb's own code
IMPLORE
+BEG_FOR {+BEGGED_FOR +BEGS_FOR +BEGGING_FOR}
- * GRAIN                                   [0233]   # PLEAD
- * (FOR {MEDICAL SUPPLIES})                [0233]   # IMPLORE

- * MERCY                                   [020]    # restates PLEAD's code; IMPLORE gains it
- * &MONEY_WORDS                            [0231]
- * &PHRASES_ONLY                           [0231]
- * MIRACLE                                 [999]    # not a CAMEO code
- JUDGE * LENIENCY                          [020]    # a required subject
- * (AT TRIBUNAL)                           [:173]   # only the reverse direction
- * PARDON                                  [---]    # a use that is no event

---  SWAP   [---]  ---
SWAP {SWAPS SWAPPED SWAPPING}
- * CAPTIVES                                [057:057]
- * (WITH)                                  [042:043]

---  HAIL   [051]  ---
ACCLAIM
- * ENVOY                                   [051]    # restates the block's code for every verb

---  VOICE   [---]  ---
SAY {SAYS SAID SAYING}
UTTER
- * OUTRAGE                                 [111]

~ a (a b SWAP) SAY = a b 057
"""


@pytest.fixture(scope="module")
def conversion():
    return convert(SNIPPET, ONTOLOGY, "snippet.txt", speech=frozenset({"say"}))


def _groups(conversion, code=None, block=None):
    return [g for g in conversion.groups if (code is None or g["code"] == code)
            and (block is None or g["block"] == block)]


def _texts(conversion, **kw):
    return [t for g in _groups(conversion, **kw) for t in g["verbs"]]


@pytest.mark.parametrize("code,block,expected", [
    # a verb default: the block's code for a verb without its own
    ("051", "HAIL", ["acclaim"]),
    # a block's pattern is shared by every verb of the block; irregular forms join the heads
    ("0233", "PLEAD", ["plead|implore grain", "beg|begged|begs|begging grain for",
                       "plead|implore medical supplies|supply for",
                       "beg|begged|begs|begging medical supplies|supply for"]),
    # PLEAD's own code; a pattern that restates it stays for the verbs whose default differs,
    # a multi-word verb keeps its particle and its irregular forms
    ("020", None, ["plead", "implore mercy", "beg|begged|begs|begging mercy for"]),
    # a synonym set becomes an alternation of its one-word members (and their singulars)
    ("0231", "PLEAD", ["plead|implore peso|rupee", "beg|begged|begs|begging peso|rupee for"]),
    # [A:A] is reciprocal, [A:B] keeps the source->target code A
    ("057", "SWAP", ["swap|swaps|swapped|swapping captives|captive"]),
    ("042", "SWAP", ["swap|swaps|swapped|swapping with"]),
    # a null-code pattern says this use is no event
    # (only for PLEAD: for IMPLORE and BEG_FOR it restates their null default)
    ("none", "PLEAD", ["plead pardon"]),
])
def test_converted_patterns(conversion, code, block, expected):
    assert _texts(conversion, code=code, block=block) == expected


def test_reciprocal_pairs(conversion):
    (captives,) = _groups(conversion, code="057")
    (visit,) = _groups(conversion, code="042")
    assert captives.get("reciprocal") is True and "reciprocal" not in visit


@pytest.mark.parametrize("reason,count", [
    ("pattern: restates the default code of its verbs", 1),          # HAIL's ENVOY
    ("pattern: code not in the CAMEO table", 1),                     # [999]
    ("pattern: words before the verb (a required subject)", 1),      # JUDGE * LENIENCY
    ("pattern: a code for the reverse direction only ('[:NNN]')", 1),
    ("pattern: a synonym set of phrases only", 1),
    ("pattern: on speech verbs only (a statement is coded by what it says)", 0),
    ("verb default: null code (the bare verb is no event)", 5),      # IMPLORE, BEG_FOR, SWAP, SAY, UTTER
    ("transformation: verb-on-verb rules are not patterns", 1),
])
def test_dropped_with_reason(conversion, reason, count):
    assert dict(conversion.dropped).get(reason, 0) == count


def test_speech_verbs_take_no_content_patterns(conversion):
    # "said ... outrage": what is said is the statement's content, coded by the events stage
    assert _texts(conversion, code="111") == ["utter outrage"]


def test_origin_names_file_line_and_block(conversion):
    (grain, *_rest) = _groups(conversion, code="0233")
    line = next(i for i, text in enumerate(SNIPPET.splitlines(), 1) if "GRAIN" in text)
    assert (grain["origin"], grain["block"]) == (f"petrarch2:snippet.txt:{line}", "PLEAD")


def test_report_counts_kept_and_dropped(conversion):
    report = conversion.report()
    assert f"{len(conversion.groups)} pattern groups written" in report
    assert "dropped" in report and "code not in the CAMEO table" in report


def test_not_a_dictionary():
    with pytest.raises(KnowledgeError, match="no verb block"):
        convert("# only a comment\n\n+DOLLAR\n", ONTOLOGY)


@pytest.mark.parametrize("word,expected", [
    ("sanctions", "sanction"), ("supplies", "supply"), ("talks", "talk"), ("crisis", "crisis"),
    ("news", "news"), ("aid", "aid"), ("process", "process"),
])
def test_singular(word, expected):
    assert singular(word) == expected


def _vetting(tmp_path: Path, units: dict) -> Path:
    import yaml
    path = tmp_path / "vetting.yaml"
    path.write_text(yaml.safe_dump({"units": units}), encoding="utf-8")
    return path


def test_vetting_drops_units_and_their_blocks_null_patterns(tmp_path):
    vetting = read_vetting(_vetting(tmp_path, {
        "PLEAD/02": {"decision": "drop", "reason": "lowers dyad F1"},
        "SWAP/05": {"decision": "drop", "reason": "fires on no bench story"},
        "SWAP/04": {"decision": "keep"}}))
    vetted = convert(SNIPPET, ONTOLOGY, "snippet.txt", vetting=vetting)
    assert {f"{g['block']}/{g['code'][:2]}" for g in vetted.groups} == {"SWAP/04", "HAIL/05", "VOICE/11"}
    # PLEAD keeps no event pattern, so its not-an-event patterns go too
    dropped = dict(vetted.dropped)
    assert dropped["pattern: not an event (null code): vetted out on the bench (see the vetting file)"] == 1
    assert dropped["verb default: vetted out on the bench (see the vetting file)"] == 1
    assert dict(vetted.kept)["pattern"] == 2        # "swap with", "say|...|utter outrage"


def test_bad_vetting_file(tmp_path):
    with pytest.raises(KnowledgeError, match="decision must be keep or drop"):
        read_vetting(_vetting(tmp_path, {"PLEAD/02": {"decision": "maybe"}}))


# --- loading: precedence, origin, switch ------------------------------------------------------
def _folder(tmp_path: Path, hand: str, imported: str) -> Path:
    (tmp_path / "cues.yaml").write_text((DATA_DIR / "patterns" / "cues.yaml").read_text())
    (tmp_path / "hand.yaml").write_text(hand)
    (tmp_path / "lexicon.yaml").write_text(imported)
    return tmp_path


IMPORTED = ('- {code: "0233", origin: "petrarch2:x.txt:7", block: "PLEAD", '
            'verbs: ["plead|beseech grain for"], imported: true}\n')


def test_hand_patterns_rank_before_imported_ones(tmp_path):
    book = load_patterns(_folder(tmp_path, '- code: "020"\n  verbs: ["plead"]\n', IMPORTED), ONTOLOGY)
    plead = book.index("verb")["plead"]
    # the bare hand pattern comes first although the imported one is more specific
    assert [(p.code, p.imported) for p in plead] == [("020", False), ("0233", True)]
    assert plead[1].id == "0233 petrarch2:x.txt:7 PLEAD: grain for"
    assert plead[1].origin == "petrarch2:x.txt:7"


def test_imported_patterns_can_be_switched_off_but_user_files_stay(tmp_path):
    (tmp_path / "data").mkdir()
    folder = _folder(tmp_path / "data", '- code: "020"\n  verbs: ["plead"]\n', IMPORTED)
    user = tmp_path / "mine.yaml"
    user.write_text(IMPORTED.replace("plead|beseech", "beseech|entreat"))
    book = load_patterns(folder, ONTOLOGY, [user], imported=False)
    verbs = book.index("verb")
    assert "plead" in verbs and all(not p.imported for p in verbs["plead"])
    assert [p.code for p in verbs["entreat"]] == ["0233"]


def test_missing_user_pattern_file(tmp_path):
    with pytest.raises(KnowledgeError, match="does not exist"):
        load_patterns(DATA_DIR / "patterns", ONTOLOGY, [tmp_path / "nope.yaml"])


@pytest.mark.parametrize("env,expected", [
    ({}, True), ({"WIRECODER_IMPORTED_PATTERNS": "0"}, False), ({"WIRECODER_IMPORTED_PATTERNS": "off"}, False),
    ({"WIRECODER_IMPORTED_PATTERNS": "1"}, True),
])
def test_settings_switch(env, expected):
    assert Settings.from_env(env).imported_patterns is expected


def test_settings_user_pattern_files():
    assert Settings.from_env({"WIRECODER_PATTERNS": "a.yaml:b.yaml"}).pattern_files == (Path("a.yaml"), Path("b.yaml"))


def test_shipped_lexicon_is_imported_and_licensed():
    book = load_patterns(DATA_DIR / "patterns", ONTOLOGY)
    imported = {p.id for _, ps in book.verbs for p in ps if p.imported}
    assert imported and all(" petrarch2:CAMEO.2.0.txt:" in pid for pid in imported)
    assert "MIT" in (DATA_DIR / "patterns" / "PETRARCH2-LICENSE.txt").read_text()
    hand_only = load_patterns(DATA_DIR / "patterns", ONTOLOGY, imported=False)
    assert len(book) > len(hand_only)


# --- the command and the coder ---------------------------------------------------------------
def test_command_writes_loadable_patterns(tmp_path):
    dictionary = tmp_path / "verbs.txt"
    dictionary.write_text(SNIPPET, encoding="utf-8")
    out = tmp_path / "out" / "lexicon.yaml"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["kb", "import-petrarch", str(dictionary), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "pattern groups written" in result.output and "dropped" in result.output
    book = load_patterns(DATA_DIR / "patterns", ONTOLOGY, [out])
    assert any(p.origin.startswith("petrarch2:verbs.txt:") for p in book.index("verb")["implore"])


def test_command_reports_a_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["kb", "import-petrarch", str(tmp_path / "none.txt"), "--out",
                                      str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "cannot read the verb dictionary" in result.output


@pytest.fixture(scope="module")
def lexicon_coder(coder, tmp_path_factory):
    """A coder with a user lexicon: an imported pattern for a verb no hand pattern knows, and one
    for a verb a hand pattern already codes (with another code)."""
    path = tmp_path_factory.mktemp("lexicon") / "lexicon.yaml"
    path.write_text(
        '- {code: "0233", origin: "petrarch2:test.txt:3", block: "ENTREAT", verbs: ["entreat grain"], imported: true}\n'
        '- {code: "0231", origin: "petrarch2:test.txt:4", block: "URGE", verbs: ["urge grain"], imported: true}\n',
        encoding="utf-8")
    return Coder(coder.settings.with_(pattern_files=(path,)), nlp=coder.nlp)


@pytest.mark.parametrize("text,code,pattern", [
    # the imported pattern fills a gap: no hand pattern for "entreat"
    ("Kenya entreated Tanzania for grain on Monday.", "0233", "0233 petrarch2:test.txt:3 ENTREAT: grain"),
    # the hand pattern wins on the same trigger: "urge" keeps its hand code
    ("Kenya urged Tanzania to send grain on Monday.", None, None),
])
def test_imported_pattern_in_the_coder(lexicon_coder, text, code, pattern):
    coded = lexicon_coder.code(Article(text=text, source="t.txt"))
    patterns = [(e.cameo, e.pattern) for e in coded.events]
    if code is not None:
        assert (code, pattern) in patterns
    else:
        assert patterns and not any("petrarch2:" in p for _, p in patterns)
