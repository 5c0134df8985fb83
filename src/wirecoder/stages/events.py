"""The events stage: CAMEO/PLOVER events from the text, each with its evidence.

For every sentence outside the article's metadata lines: the pattern book's triggers fire
(:mod:`.event_triggers`), the mood decides the code (an intended cooperation becomes 03x, an
announced conflict 13x, a refusal 12x, a condition or a mere possibility nothing), the parse gives
source and target actors (:mod:`.event_roles`), then date/background (:mod:`.dates`) and place
(:mod:`.locations`). Each decision is traced on ``doc._.trace`` for ``wirecoder explain``.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import Trace, actor_by_id
from ..patterns import Cues, Pattern, PatternBook, load_patterns
from ..records import Article, Event
from ..resources import Resources
from .dates import DateResolver
from .event_roles import Roles, actors_of, find_roles, speaker_of, subject_of
from .event_triggers import Match, Mood, TriggerFinder, clause_verb, lemma, mood_of
from .implicit_targets import civilian_country, civilians_actor, load_civilian_words, victim
from .locations import Gazetteer, LocationResolver

log = logging.getLogger(__name__)

COOPERATIVE = ("04", "05", "06", "07", "08")
CONFLICTUAL = ("14", "15", "16", "17", "18", "19", "20")
VERBAL_QUADS = (1, 3)
# cooperation that conjoined actors with no other target do with each other ("X and Y agreed to
# ...", "X and Y upgraded their ties"); conjoined actors of other roots act each alone
JOINT_ROOTS = ("03", "04", "05", "06")


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


def decide_code(code: str, mood: Mood, cues: Cues) -> tuple[str | None, bool, str]:
    """The code a mood turns ``code`` into: ``(code or None, negated, why)``."""
    root = code[:2]
    if mood.kind == "conditional":
        return None, mood.negated, mood.reason
    if mood.kind == "possible":
        return None, mood.negated, mood.reason
    if mood.kind == "refused":
        if root in COOPERATIVE or root == "03":
            return cues.reject_code(code), False, mood.reason
        return code, True, mood.reason
    if mood.kind == "intent":
        if root in COOPERATIVE:
            if mood.negated:
                return cues.reject_code(code), False, mood.reason + ", negated: a refusal"
            return cues.intent_code(code), False, mood.reason
        if root in CONFLICTUAL:
            return cues.threat_code(code), mood.negated, mood.reason + ": a threat"
        return code, mood.negated, mood.reason
    if mood.kind == "obligation":
        return None, mood.negated, mood.reason
    return code, mood.negated, "negated" if mood.negated else ""


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _chain_top(verb: Token) -> Token:
    """The first verb of a chain of infinitives ("time to consider *offering*" -> consider)."""
    t = verb
    for _ in range(4):
        if t.dep_ != "xcomp" or t.head is t or t.head.pos_ not in ("VERB", "AUX"):
            break
        t = t.head
    return t


def refine_mood(match: Match, mood: Mood, cues: Cues) -> Mood:
    """What :func:`mood_of` does not see in the trigger's own clause:

    - a modal on the verb the trigger's clause is conjoined to or depends on ("Trump *may*
      overreach and start threatening", "could find itself *excluded*"), a negation shared by
      conjoined verbs ("did *not* meet or call");
    - an infinitive hanging on a noun ("calls *to impose* sanctions", "time for the Council to
      consider *offering*": not a fact; "plans to meet": an intention);
    - what someone expects or hopes of another ("expects North Korea *to launch*", "hopes a
      ceasefire will hold"), a clause a negated noun governs ("no signs that X is *talking*");
    - a possibility under a condition with no actor doing it ("a ceasefire *could* take place
      *if* ...": not an offer).
    """
    trig = match.trigger
    verb = clause_verb(trig)
    if mood.kind == "intent" and trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("nsubj", "nsubjpass") \
            and _auxes(verb) & cues.possible:
        return Mood("possible", mood.negated, "only possible (the action has no actor)")
    if mood.kind in ("conditional", "possible"):
        return mood
    negated = mood.negated
    top = _chain_top(verb)
    if top.dep_ in ("acl", "relcl") and top.head.pos_ in ("NOUN", "PROPN") and _has_to(top):
        noun = lemma(top.head)
        if noun in cues.refusal:
            return Mood("refused", negated, f"refused ('{top.head.text} to')")
        if noun in cues.intent or noun in cues.intent_adjectives:
            if mood.kind == "fact":
                return Mood("intent", negated, f"intended ('{top.head.text} to')")
        elif noun not in cues.continuation:
            return Mood("possible", negated, f"an infinitive on a noun ('{top.head.text} to'): not a fact")
    gov = top.head
    if top.dep_ in ("ccomp", "xcomp") and gov is not top and lemma(gov) in cues.intent & cues.speech and (
            top.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in gov.children)):
        return Mood("possible", negated, f"what '{gov.text}' expects of another: not a fact")
    t = top
    for _ in range(6):      # "no signs that the North Koreans are interested in *talking*"
        if t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in t.head.children):
            negated, gov = True, t.head
            break
        if t.head is t:
            break
        t = t.head
    if mood.kind != "fact" or trig.i != verb.i:      # a noun's mood is its clause verb's (mood_of)
        return Mood(mood.kind, negated, mood.reason if negated == mood.negated else f"'no {gov.text}'")
    t = verb
    for _ in range(4):
        if t.dep_ == "conj" and not _own_subject(t) and not _auxes(t) and t.head is not t:
            head = t.head
            joined_by_but = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)
            if not joined_by_but and any(c.dep_ == "neg" for c in head.children):
                negated = True
        elif t.dep_ in ("xcomp", "advcl") and t.head is not t and t.head.pos_ in ("VERB", "AUX") and _has_to(t):
            head = t.head       # "refusing to meet *to discuss*", "may start *threatening*"
            if lemma(head) in cues.refusal:
                return Mood("refused", negated, f"refused ('{head.text}')")
            if lemma(head) in cues.intent:
                return Mood("intent", negated or _negated(head), f"intended ('{head.text}')")
            if lemma(head) in cues.obligation:
                return Mood("obligation", negated, f"an obligation ('{head.text} to')")
        elif (t.dep_ == "xcomp" and lemma(t.head) in cues.continuation or t.dep_ == "oprd") and t.head is not t:
            head = t.head       # "continue to support", "find itself *excluded*"
        else:
            break
        aux = _auxes(head)
        if aux & cues.possible:
            return Mood("possible", negated, f"only possible ('{sorted(aux & cues.possible)[0]}' on '{head.text}')")
        if aux & cues.future:
            return Mood("intent", negated, f"future ('{sorted(aux & cues.future)[0]}' on '{head.text}')")
        if aux & cues.obligation:
            return Mood("obligation", negated, f"an obligation ('{sorted(aux & cues.obligation)[0]}')")
        t = head
    return Mood(mood.kind, negated, mood.reason if negated == mood.negated else "negated with its conjunct")


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
        elif t.dep_ == "conj" and t.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            head = t.head       # "ambushed a bus and *killed* 18"
        else:
            continue
        near_head = {head.i} | {c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
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


class EventsStage:
    name = "events"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.ontology = resources.ontology
        self.book: PatternBook = load_patterns(resources.settings.data_dir / "patterns", resources.ontology)
        self.cues = self.book.cues
        self.keep_negated = resources.settings.keep_negated
        self.finder = TriggerFinder(self.book)
        self.dates = DateResolver(self.cues)
        self.places = LocationResolver(Gazetteer())
        self.civilians = load_civilian_words(resources.settings.data_dir / "roles" / "civilians.yaml")
        self.demand = Pattern(
            id="100 cue:SPEECH that X must|should", kind="verb", heads=self.cues.speech, words=(),
            preps=(), code="100", reciprocal=False, has_target=True, text="SPEECH that X must|should")

    # ------------------------------------------------------------------ per doc
    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        metadata = article.metadata_spans if article is not None else ()
        drafts: list[Draft] = []
        traces: list[Trace] = list(doc._.trace)
        for sent in doc.sents:
            span = (sent.start_char, sent.end_char)
            if any(s <= sent.start_char and sent.end_char <= e for s, e in metadata):
                continue
            notes: list[str] = []
            found: list[Draft] = []
            for match in self._matches(sent, notes):
                if any(s <= match.trigger.idx < e for s, e in metadata):
                    notes.append(f"'{match.trigger.text}': in a metadata line, not coded")
                    continue
                found.extend(self._drafts(doc, sent, match, notes))
            drafts.extend(merge_consequences(found, notes))
            drafts.extend(self._stated_obligations(doc, sent, notes))
            if not notes:
                notes.append("no trigger: no pattern matches this sentence")
            traces.extend(Trace("events", span, n) for n in notes)
        doc._.events = self._finish(doc, article, drafts)
        doc._.trace = tuple(traces)
        return doc

    def _matches(self, sent: SpacySpan, notes: list[str]) -> list[Match]:
        """The sentence's matches, without intention words that only govern another match
        ("vowed to *attack*": the attack, as a threat) and without matches a governing
        speech act already codes ("urged Iran to *talk*": the appeal)."""
        matches = self.finder.matches(sent)
        by_token = {m.trigger.i: m for m in matches}
        drop: set[int] = set()
        for m in matches:
            if m.pattern.kind != "verb":
                continue
            verb = m.trigger
            if verb.dep_ == "ccomp" and verb.head.i in by_token and verb.head.i != verb.i \
                    and by_token[verb.head.i].pattern.code[:2] in ("02", "10"):
                # "demanded that its partners *refuse* to recognize ...": what is demanded
                drop.add(verb.i)
                notes.append(f"'{verb.text}' is what '{verb.head.text}' demands: coded once")
                continue
            gov = verb.head if verb.dep_ == "xcomp" else None
            if gov is not None and gov.dep_ == "acomp":
                gov = gov.head
            if gov is None or gov.i not in by_token or gov.i == m.trigger.i:
                continue
            gm = by_token[gov.i]
            modal = lemma(gov) in self.cues.intent or lemma(gov) in self.cues.continuation or any(
                lemma(w) in self.cues.intent_adjectives for w in gm.words)
            if lemma(gov) in self.cues.refusal and gm.pattern.specificity == 0:
                drop.add(gov.i)
                notes.append(f"'{gov.text}' refuses '{m.trigger.text}': coded as a refusal of it")
            elif modal and gm.pattern.specificity <= 2:
                drop.add(gov.i)
                notes.append(f"'{gov.text}' only frames '{m.trigger.text}': coded as the framed action")
            elif not modal:
                drop.add(m.trigger.i)
                notes.append(f"'{m.trigger.text}' is what '{gov.text}' asks/threatens/refuses: coded once")
        return [m for m in matches if m.trigger.i not in drop]

    def _drafts(self, doc: Doc, sent: SpacySpan, match: Match, notes: list[str]) -> list[Draft]:
        p = match.pattern
        mood = refine_mood(match, mood_of(match, self.cues), self.cues)
        code, negated, why = decide_code(p.code, mood, self.cues)
        roles = find_roles(doc, match, self.cues)
        if mood.kind == "intent" and code is not None and self._predicted_by_commentator(doc, match):
            notes.append(f"'{match.trigger.text}' ({p.id}): a commentator's prediction, not an announcement")
            return []
        if mood.kind == "obligation":
            demand = self._obligation(doc, match)
            if demand is not None:
                code, roles, why = "100", demand, "an obligation the speaker states: a demand"
        if code is None:
            notes.append(f"'{match.trigger.text}' ({p.id}): not coded, {why}")
            return []
        if negated and not self.keep_negated:
            notes.append(f"'{match.trigger.text}' ({p.id}): negated ({code}), did not happen: not output "
                         "(Settings.keep_negated outputs it flagged)")
            return []
        if not roles.sources:
            if p.kind == "noun" or match.trigger.tag_ == "VBG":
                pair = self._between(doc, match)
                if pair:
                    roles = Roles(tuple(pair), (), "between", roles.quote)
            if not roles.sources:
                notes.append(f"'{match.trigger.text}' ({p.id}): trigger but no source actor")
                return []
        if roles.target_from in ("", "inside") and code[:2] in self.civilians.roots:
            # the people an attack hit before a place deep in its object ("a train *in Pakistan*")
            roles = self._civilian_target(doc, sent, match, roles)
        joint = p.reciprocal or roles.source_from == "between" or code[:2] in JOINT_ROOTS
        if joint and len(roles.sources) > 1 and roles.target_from in ("clause", "inside"):
            # "X and Y signed an agreement to combat rebels": a joint act of X and Y, the
            # actor deep in its object is not a party to it
            roles = Roles(roles.sources, (), roles.source_from, roles.quote)
        # an intention, a refusal or a threat goes one way ("Turkey will (not) buy U.S. aircraft")
        reciprocal = p.reciprocal and code[:2] not in ("03", "12", "13")
        pairs = self._pairs(roles, reciprocal, p.has_target, joint)
        if p.reciprocal and not roles.targets and len(roles.sources) < 2:
            notes.append(f"'{match.trigger.text}' ({p.id}): a joint action with one actor only, not coded")
            return []
        note = f"'{match.trigger.text}' fired {p.id} -> {code}" + (f" ({why})" if why else "") + \
            f"; source by {roles.source_from}" + (f", target by {roles.target_from}" if roles.targets else "")
        notes.append(note)
        return [Draft(match, code, s, t, negated, roles, sent, note) for s, t in pairs]

    def _predicted_by_commentator(self, doc: Doc, match: Match) -> bool:
        """"Experts think North Korea *will* increase threats": a future someone without an actor
        code (experts, analysts) predicts is nobody's announced intention."""
        speaker = speaker_of(clause_verb(match.trigger), self.cues)
        if speaker is None or speaker.pos_ in ("PRON", "PROPN"):
            return False
        # "a statement issued by the ministry said": an actor inside the speaker phrase speaks
        return not any(actors_of(doc, t) for t in speaker.subtree)

    def _civilian_target(self, doc: Doc, sent: SpacySpan, match: Match, roles: Roles) -> Roles:
        """"Gunmen stormed a *hotel* in Beledweyne": the civilians of the place are the target."""
        word = victim(match, self.civilians)
        if word is None:
            return roles
        place = self.places.from_text(sent, match.trigger) or self.places.in_sentence(sent)
        country = civilian_country(place, actor_by_id(doc, roles.sources[0]))
        if country is None:
            return roles
        actor = civilians_actor(doc, country, word)
        if actor.id in roles.sources:
            return roles
        return Roles(roles.sources, (actor.id,), roles.source_from, roles.quote, "civilians")

    def _stated_obligations(self, doc: Doc, sent: SpacySpan, notes: list[str]) -> list[Draft]:
        """"X said Y must/should ...", with no pattern in the clause: a demand of X on Y."""
        out: list[Draft] = []
        for verb in sent:
            if lemma(verb) not in self.cues.speech or verb.pos_ not in ("VERB", "AUX"):
                continue
            for comp in verb.children:
                if comp.dep_ != "ccomp":
                    continue
                modal = next((a for a in comp.children if a.dep_ == "aux" and a.lower_ in self.cues.obligation), None)
                if modal is None:
                    continue
                subj, _ = subject_of(verb, self.cues)
                sources = actors_of(doc, subj)
                target_subj, _ = subject_of(comp, self.cues)
                targets = [a for a in actors_of(doc, target_subj) if a not in sources]
                if not sources or not targets:
                    continue
                match = Match(modal, self.demand, (), ())
                roles = Roles(tuple(sources), tuple(targets), "speaker", None)
                note = f"'{verb.text} ... {modal.text}': a stated obligation -> 100 (demand)"
                notes.append(note)
                out.extend(Draft(match, "100", s, t, False, roles, sent, note)
                           for s, t in self._pairs(roles, False, True))
        return out

    def _obligation(self, doc: Doc, match: Match) -> Roles | None:
        """"X said Y must/should ...": X demands of Y."""
        verb = clause_verb(match.trigger)
        speaker = speaker_of(verb, self.cues)
        if speaker is None:
            return None
        sources = actors_of(doc, speaker)
        subj, _ = subject_of(verb, self.cues)
        targets = [a for a in actors_of(doc, subj) if a not in sources]
        if not sources:
            return None
        return Roles(tuple(sources), tuple(targets), "speaker", None)

    @staticmethod
    def _between(doc: Doc, match: Match) -> list[str]:
        for c in match.trigger.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                ids = actors_of(doc, pobj)
                if len(ids) >= 2:
                    return ids
        return []

    @staticmethod
    def _pairs(roles: Roles, reciprocal: bool, has_target: bool,
               joint: bool = False) -> list[tuple[str, str | None]]:
        pairs: list[tuple[str, str | None]] = []
        sources, targets = roles.sources, roles.targets
        if targets:
            for s in sources:
                for t in targets:
                    if s != t:
                        pairs.append((s, t))
                        if reciprocal:
                            pairs.append((t, s))
        elif len(sources) > 1 and has_target and (reciprocal or joint):
            # "X and Y agreed": a joint action, both directions; "X and Y condemned": each alone
            pairs = [(s, t) for s in sources for t in sources if s != t]
        else:
            pairs = [(s, None) for s in sources]
        return list(dict.fromkeys(pairs))

    # ------------------------------------------------------------------ records
    def _finish(self, doc: Doc, article: Article | None, drafts: list[Draft]) -> tuple[Event, ...]:
        published = article.published if article is not None else None
        dateline = article.dateline if article is not None else None
        seen: set[tuple[int, str, str | None, str]] = set()
        events: list[Event] = []
        for d in sorted(drafts, key=lambda d: d.match.trigger.idx):
            src, tgt = actor_by_id(doc, d.source), actor_by_id(doc, d.target)
            key = (d.sent.start_char, src.code if src else d.source, tgt.code if tgt else d.target, d.code)
            if key in seen:
                continue
            seen.add(key)
            trig = d.match.trigger
            speech = speaker_of(clause_verb(trig), self.cues)
            when = self.dates.when(d.sent, trig, published, speech.head if speech is not None else None)
            info = self.ontology.get(d.code)
            location = self.places.from_text(d.sent, trig)
            if location is None and dateline is not None and not when.background \
                    and info.quad_class in VERBAL_QUADS:
                location = self.places.from_dateline(dateline.place)
            start, end = self._trigger_span(d.match)
            events.append(Event(
                id=f"E{len(events) + 1}", cameo=info.code,
                root=info.root, plover=info.plover, plover_mode=info.plover_mode,
                goldstein=info.goldstein, quad_class=info.quad_class,
                source=d.source, target=d.target,
                source_code=src.code if src else None, target_code=tgt.code if tgt else None,
                date=when.date, background=when.background, negated=d.negated,
                trigger=(start, end), sentence=(d.sent.start_char, d.sent.end_char),
                quote=d.roles.quote.id if d.roles.quote else None, location=location,
                pattern=d.match.pattern.id,
                contexts=tuple(c for c in (info.plover_context or "").split(",") if c),
            ))
        return tuple(events)

    @staticmethod
    def _trigger_span(match: Match) -> tuple[int, int]:
        """The trigger words: the head and the pattern words next to it in the text."""
        toks = sorted([match.trigger, *match.words, *match.preps], key=lambda t: t.i)
        near = [t for t in toks if abs(t.i - match.trigger.i) <= 4]
        first, last = near[0], near[-1]
        return first.idx, last.idx + len(last)
