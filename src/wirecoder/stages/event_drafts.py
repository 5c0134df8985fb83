"""Drafts: events before ids are given, and the passes over a sentence's drafts that fold
consequences into their attack ("..., killing 20"), take a protest's target from its purpose
clause, and recognise figures that changed ("fell to 230,000") rather than acts."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan, Token

from .event_roles import Roles
from .event_triggers import Match, kids


@dataclass(frozen=True, slots=True)
class Draft:
    """One event before ids are given (text order decides them)."""

    match: Match
    code: str
    source: str
    target: str | None
    negated: bool
    roles: Roles
    sent: SpacySpan
    note: str


MATERIAL_CONFLICT = ("14", "15", "16", "17", "18", "19", "20")
# what an attack does to people: killing (190 in the pattern book) and wounding (182)
CONSEQUENCE_CODES = ("190", "182")


def merge_consequences(drafts: list[Draft], notes: list[str]) -> list[Draft]:
    """"Rebels shelled Juba, *killing* 20 people and *injuring* dozens": the participles tell
    what the attack did, they are not attacks of their own. Each is folded into the attack of the
    same source it hangs on (which takes the victims as its target when it has none)."""
    out = list(drafts)
    for d in drafts:
        t = d.match.trigger
        if not d.code.startswith(CONSEQUENCE_CODES):
            continue        # killing, wounding; taking hostages or bombing is an act of its own
        h = t
        while h.dep_ == "conj" and h.head is not h and h.tag_ == "VBG":
            h = h.head
        if h.dep_ == "advcl" and h.tag_ == "VBG":
            head = h.head       # "shelled Juba, *killing* 20"
        elif t.dep_ == "conj" and t.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(t)):
            head = t.head       # "ambushed a bus and *killed* 18"
        else:
            continue
        near_head = {head.i} | {c.i for c in kids(head) if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
        hosts = [x for x in out if x is not d and x.source == d.source and x.code[:2] in MATERIAL_CONFLICT
                 and not x.code.startswith("181") and x.match.trigger.i in near_head]
        if not hosts:
            continue
        out.remove(d)
        for i, x in enumerate(out):
            if x in hosts and x.target is None and d.target is not None:
                out[i] = dataclasses.replace(x, target=d.target)
        notes.append(f"'{t.text}' tells what '{hosts[0].match.trigger.text}' did: folded into it")
    return out


PROTEST_ROOT = "14"


def _purpose_of(token: Token, verb: Token) -> bool:
    """True when `token` sits in an infinitive of purpose on `verb` ("staged rallies *to demand*
    reforms from the government", "began a hunger strike *to protest* against the decision") or in
    a participle clause with no subject of its own that tells what the act is for ("blocked roads
    *demanding* that the governor resign")."""
    node = token
    for _ in range(4):
        if node.head.i == verb.i and node.i != verb.i:
            if node.dep_ != "advcl":
                return False
            below = kids(node)
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in below) or (
                node.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in below))
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def purpose_targets(drafts: list[Draft], notes: list[str], aim_roots: frozenset[str] = frozenset()) -> list[Draft]:
    """A protest with no target of its own ("students staged demonstrations", "workers blocked
    roads") is aimed at whom its purpose clause names: the target of the same source's event in an
    infinitive of purpose on the protest ("... *to demand* reforms *by the government*").
    The purpose's own event, when its code starts with one of ``aim_roots`` (cues.yaml
    ``protest_aims``: demands, disapproval, criticism, complaints, protests; not accusations), only
    says what the protest is for: the protest is the one event."""
    if not any(d.code.startswith(PROTEST_ROOT) for d in drafts):
        return drafts
    out = list(drafts)
    for i, d in enumerate(out):
        if d.target is not None or not d.code.startswith(PROTEST_ROOT):
            continue
        t = d.match.trigger
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        aims = [p for p in drafts if p is not d and p.source == d.source and p.target is not None
                and p.target != d.source and _purpose_of(p.match.trigger, verb)]
        if not aims:
            continue
        aim = min(aims, key=lambda p: p.match.trigger.i)
        out[i] = dataclasses.replace(d, target=aim.target)
        notes.append(f"'{t.text}': a protest aimed at the target of its purpose '{aim.match.trigger.text}'")
    return _without_protest_aims(out, notes, tuple(sorted(aim_roots))) if aim_roots else out


def _without_protest_aims(drafts: list[Draft], notes: list[str], aims: tuple[str, ...]) -> list[Draft]:
    """Drop the events that tell a protest's purpose ("began a hunger strike *to protest against*
    the decision", "rallied in the capital *to show their disapproval of* the government's policy"):
    one act told twice, coded once as the protest, aimed at whom the purpose names (it names the
    target better than the protest's place: "rallied *in Lima*")."""
    out = list(drafts)
    drop: set[int] = set()
    for i, d in enumerate(out):
        if i in drop or not d.code.startswith(PROTEST_ROOT):
            continue
        t = d.match.trigger
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        for j, p in enumerate(out):
            if j == i or j in drop or p.source != d.source or not p.code.startswith(aims) \
                    or not _purpose_of(p.match.trigger, verb):
                continue
            drop.add(j)
            if p.target is not None and p.target != d.source:
                d = out[i] = dataclasses.replace(d, target=p.target)
            notes.append(f"'{p.match.trigger.text}': the purpose of the protest '{t.text}', coded as the protest")
    return [p for j, p in enumerate(out) if j not in drop] if drop else drafts


NUMBER_ENTITIES = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _is_figure(token: Token) -> bool:
    """A number ("230,000", "$5 million", "20%") or a number noun led by one ("the current figure
    of 230,000": its "of" object)."""
    if token.like_num or token.ent_type_ in NUMBER_ENTITIES:
        return True
    if any(c.dep_ == "nummod" for c in kids(token)):
        return True
    of = next((c for c in kids(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(p.dep_ == "pobj" and (p.like_num or p.ent_type_ in NUMBER_ENTITIES)
                                  for p in kids(of))


def quantity_change(trigger: Token, change_verbs: frozenset[str] = frozenset()) -> bool:
    """"The number of refugees *declined to* 230,000", "fell by 20%": an intransitive verb whose
    "to"/"by"/"from" object is a number reports a changed figure, not an act. A verb of
    ``change_verbs`` (cues.yaml) with no object or clause of its own reports one whatever follows
    ("as the population continues to *decline*")."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in kids(trigger)):
        return False
    if trigger.lemma_.lower() in change_verbs and not any(
            c.dep_ in ("nsubjpass", "auxpass", "prt") for c in kids(trigger)):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("to", "by", "from") and any(
        p.dep_ == "pobj" and _is_figure(p) for p in kids(c)) for c in kids(trigger))
