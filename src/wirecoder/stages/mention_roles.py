"""Role lookup for mentions: the knowledge base's role words and how they code a phrase.

:class:`RoleBook` is built once from the knowledge base's role table. It finds the role
phrase ending at a token ("secretary of state", "security forces"), codes the words in
front of a role head (country, sector, former), and gives the sector an unknown
organisation's own words say ("... Institute" EDU). The other mention modules
(:mod:`~wirecoder.stages.mention_titles`, :mod:`~wirecoder.stages.mention_groups`,
:mod:`~wirecoder.stages.mention_people`) read roles only through it.
"""
from __future__ import annotations

from itertools import compress

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..doc import doc_lookup
from ..knowledge import KnowledgeBase, Role
from ..knowledge.names import fold
from .actor_records import Coding, Hit, entry_code


def lemma(tok: Token) -> str:
    """The folded lemma of a token (its folded text when spaCy gives no lemma)."""
    return fold(tok.lemma_ or tok.text)


class _Lemmas:
    """:func:`lemma` of each token of a Doc by index, read from its lemma ids on demand."""

    __slots__ = ("_ids", "_folds", "_folded")

    def __init__(self, ids: list[int], folds: dict, folded: tuple[str, ...]) -> None:
        self._ids, self._folds, self._folded = ids, folds, folded

    def __getitem__(self, i: int) -> str:
        got = self._folds[self._ids[i]]
        return self._folded[i] if got is False else got


class RoleBook:
    """The role tables of the knowledge base, built once per pipeline."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self._roles_by_last: dict[str, list[tuple[tuple[str, ...], Role]]] = {}
        # nouns of places whose people are an actor apart from the country ("Iraqi towns")
        self.place_nouns = frozenset(r.role for r in kb.roles if r.kind == "place")
        # words of an unknown organisation's name -> sector, later words first ("Research Council
        # on Human Rights" is NGO); the list keeps the data file's order
        self._body_words = tuple((r.words, r.sector) for r in kb.roles if r.kind == "body")
        # words that make the name after them an event ("Cyclone Chido", "Operation X")
        self.event_words = tuple(r.words for r in kb.roles if r.kind == "event")
        # the same by their first word, in the data file's order
        self.event_words_by_first: dict[str, list[tuple[str, ...]]] = {}
        for ev in self.event_words:
            if ev:
                self.event_words_by_first.setdefault(ev[0], []).append(ev)
        # lemma id -> its folded lemma (False: no lemma), so that no lemma string is made per token
        self._lemma_folds: dict[int, str | bool] = {}
        self._lemma_ends: dict[int, bool] = {}  # lemma id -> its folded lemma ends a role
        # nouns of facilities: a place, not an actor ("the bombing of a French military base")
        self.facility_nouns = frozenset(r.role for r in kb.roles if r.kind == "facility")
        # verbs of leading a body: ", who heads the U.N. mission," codes a person like an apposition
        self.lead_verbs = frozenset(r.role for r in kb.roles if r.kind == "leads")
        # first and last word of an unknown organisation's name that make it an international
        # body ("International Renewable Energy Agency" IGO)
        self.igo_names = frozenset((r.words[0], r.words[-1]) for r in kb.roles if r.kind == "igo_name")
        for role in kb.roles:
            if role.kind in ("place", "body", "event", "facility", "leads", "venue", "igo_name", "honorific"):
                continue
            words = tuple(fold(t.text) for t in nlp.make_doc(role.role))
            self._roles_by_last.setdefault(words[-1], []).append((words, role))
        for roles in self._roles_by_last.values():
            roles.sort(key=lambda r: -len(r[0]))

    def role_at(self, doc: Doc, i: int) -> tuple[Role, int] | None:
        """The longest role phrase ending at token ``i`` (and the index where it starts)."""
        return self.roles_of(doc).get(i)

    def roles_of(self, doc: Doc) -> dict[int, tuple[Role, int]]:
        """Token -> the longest role phrase ending there (and the index where it starts), for
        every token that ends one; for loops that ask about many tokens of one Doc."""
        lookup = doc_lookup(doc)
        # the parse never changes: the roles of the whole Doc are found once (and per RoleBook)
        memo = lookup.memo.get("mention_roles.role_at")
        if memo is None or memo[0] is not self:
            memo = lookup.memo["mention_roles.role_at"] = (self, self._roles_in(lookup))
        return memo[1]  # type: ignore[return-value]

    def _roles_in(self, lookup) -> dict[int, tuple[Role, int]]:
        """Token -> the longest role phrase ending there, for the tokens whose word or lemma
        ends some role (the others end none). Lemmas are read by id; each distinct lemma is
        folded once per RoleBook (bounded) and only the candidates' lemmas are looked at."""
        doc, folded = lookup.doc, lookup.folded
        ids = doc.to_array(LEMMA).tolist() if len(doc) else []
        ends = self._roles_by_last
        folds, is_end = self._lemma_folds, self._lemma_ends
        if len(folds) >= 1 << 16:
            folds.clear()
            is_end.clear()
        try:
            flags = list(map(is_end.__getitem__, ids))
        except KeyError:  # lemmas not met before
            strings = doc.vocab.strings
            for lemma_id in set(ids).difference(folds):
                text = strings[lemma_id]
                folds[lemma_id] = got = fold(text) if text else False
                is_end[lemma_id] = got is not False and got in ends
            flags = list(map(is_end.__getitem__, ids))
        n = len(folded)
        candidates = sorted(set(compress(range(n), map(ends.__contains__, folded))) | set(compress(range(n), flags)))
        lemmas = _Lemmas(ids, folds, folded)
        out = {}
        for i in candidates:
            best = self._role_at(folded, lemmas, i)
            if best is not None:
                out[i] = best
        return out

    def _role_at(self, folded, lemmas, i: int) -> tuple[Role, int] | None:
        best: tuple[Role, int] | None = None
        # the word as written first, then its lemma ("security forces" before "security force");
        # a fixed order, so the result never depends on hashing
        word, lem = folded[i], lemmas[i]
        for form in ((word,) if word == lem else (word, lem)):
            for words, role in self._roles_by_last.get(form, ()):
                n = len(words)
                start = i - n + 1
                if start < 0:
                    continue
                if n > 1 and lemmas[i - 1] != words[-2] and folded[i - 1] != words[-2]:
                    continue  # the word before differs: a quick no
                if n == 1 or all(lemmas[start + k] == w or folded[start + k] == w
                                 for k, w in enumerate(words[:-1])):
                    if best is None or start < best[1]:
                        best = (role, start)
                    break
        return best

    def role_end(self, doc: Doc, head: tuple[Role, int]) -> int:
        """The token after the role phrase that starts at ``head[1]``."""
        roles = self.roles_of(doc)
        for k in range(head[1], min(len(doc), head[1] + 8)):
            r = roles.get(k)
            if r is not None and r[0] is head[0] and r[1] == head[1]:
                return k + 1
        return head[1] + 1

    def last_role(self, doc: Doc, start: int, end: int) -> tuple[Role, int] | None:
        """The last role phrase (no mere modifier) inside the words ``[start, end)``."""
        roles = self.roles_of(doc)
        for k in range(end - 1, start - 1, -1):
            r = roles.get(k)
            if r is not None and r[1] >= start and r[0].kind != "modifier":
                return r
        return None

    def person_role_from(self, doc: Doc, k: int, start: int) -> bool:
        """True when a one-person role ends at token ``k`` and starts at or after ``start``."""
        r = self.role_at(doc, k)
        return r is not None and r[0].person and r[1] >= start

    def has_modifier(self, doc: Doc, start: int, end: int) -> bool:
        """True when any role word ends inside ``[start, end)`` ("Venezuelan opposition | leaders")."""
        roles = self.roles_of(doc)
        return any(k in roles for k in range(start, end))

    def code_words(self, doc: Doc, start: int, end: int, hits: dict[int, Hit],
                   head: tuple[Role, int] | None) -> Coding:
        """Country and sector of the words ``[start, end)`` whose head role is ``head``."""
        lookup = doc_lookup(doc)
        toks, folded = lookup.tokens, lookup.folded
        country = sector_mod = kb_sector = None
        countries: list[tuple[int, int, str]] = []
        former = field = False
        i = start
        stop = head[1] if head else end
        while i < stop:
            hit = hits.get(i)
            if hit is not None and i >= 2 and toks[i - 1].text == "-" and folded[i - 2] in ("anti", "pro"):
                i = hit.end  # "anti-Syria journalist", "pro-Russian separatists": not that country's
                continue
            if hit is not None:
                c, s = entry_code(hit.entry)
                field = field or hit.entry.kind in ("country", "region")
                if c:
                    countries.append((hit.start, hit.end, c))
                    country = c
                if s:
                    kb_sector = s
                i = hit.end
                continue
            if folded[i] in ("former", "ex"):
                former = True
            r = self.role_at(doc, i)
            if r is not None and r[1] >= start:
                sector_mod = r[0].sector
            i += 1
        role = head[0] if head else None
        if role is None:
            sector = sector_mod or kb_sector
        elif role.kind in ("strong", "expert"):
            sector = role.sector
        else:
            sector = sector_mod or kb_sector or role.sector or None
        if role is not None and role.kind == "expert" and field:
            country, countries = None, []  # "a Russia expert": the field, not the country
        if sector == "IGO":
            country, sector = "IGO", None
        if former and sector == "GOV":
            sector = "ELI"
        return Coding(country, sector, role.role if role else None,
                      role.words[-1] if role else None, former, tuple(countries))

    def is_igo_name(self, doc: Doc, s: int, t: int) -> bool:
        """An unknown organisation's name of an international body: "International ... Agency",
        "Intergovernmental ... Panel" (``igo_name`` rows of roles.tsv: its first and last word)."""
        lookup = doc_lookup(doc)
        toks, folded = lookup.tokens, lookup.folded
        if folded[s] == "the":
            s += 1
        return t - s >= 2 and (folded[s], lemma(toks[t - 1])) in self.igo_names

    def body_sector(self, doc: Doc, s: int, t: int) -> str | None:
        """The sector the words of an unknown organisation's name give ("... Institute" EDU)."""
        folded = doc_lookup(doc).folded
        words = [folded[k] for k in range(s, t)]
        for k in range(len(words) - 1, -1, -1):
            for body, sector in self._body_words:
                if tuple(words[k:k + len(body)]) == body:
                    return sector
        return None
