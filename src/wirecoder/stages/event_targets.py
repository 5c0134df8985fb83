"""The target actors of a matched trigger: objects, the objects of the pattern's preposition,
clause subjects and the things actors hold; never the source itself or its own forces."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc import actor_by_id, actor_of_token, code_of, extension
from ..patterns import Cues
from .event_clauses import child_of, faced_by, passive_patient, pobj_of, shared_object, subject_of
from .event_triggers import Match, clause_verb, kids, lemma, relative_object
from .phrase_actors import MODIFIER_DEPS, actors_of, coded_actor, conjuncts
from .role_references import PluralNouns, is_object_pronoun, plural_reference, pronoun_antecedent, source_codes, thing_holder

DEFAULT_TARGET_PREPS = frozenset({"with", "against", "to", "on", "at", "for", "toward", "towards",
                                  "into", "upon", "between", "over"})
# roots whose purpose clause ("to push back the rebels") names the target
PURPOSE_ROOTS = frozenset({"15", "18", "19", "20"})
# attacks: a protective purpose ("a raid to rescue hostages") does not name the target
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# prepositions that give a place or a time, not a target ("met *in* the capital")
SETTING_PREPS = frozenset({"in", "at", "near", "during", "inside", "outside", "within", "throughout",
                           "across", "around", "since", "until", "after", "before", "amid", "despite"})


APPEAL_MARKS = frozenset({"with", "on", "upon"})
# roots whose pattern word may be the thing moved, fired, given or imposed ("fired *missiles* at",
# "deployed *jets*", "sent *aid* to", "imposed *sanctions* on"): an instrument, not the target
INSTRUMENT_ROOTS = frozenset({"06", "07", "15", "16", "18", "19", "20"})
# codes whose own words name the weapon used (194 artillery and tanks, 195 aerial weapons, 204 weapons
# of mass destruction): "fired *Chinese artillery shells*"
WEAPON_CODES = ("194", "195", "204")
# prepositions of circumstance: their phrase is never an action's target ("after talks with X" may be)
CIRCUMSTANCE_PREPS = frozenset({"despite", "amid", "amidst"})
# sectors of a state, whose country's troops and police are its own forces ("" is the bare country)
STATE_SECTORS = frozenset({"", "GOV", "MIL", "POL"})
# prepositions that name the target when they hang on the light verb of an event noun
CARRIED_PREPS = frozenset({"against", "on", "upon", "at", "with", "into"})
# a show of force at home ("jets flew low over *the capital*") targets none of its own country's
# people or places: only another side, or a group it moves against (purpose, prep)
POSTURE_ROOT = "15"


def _target_preps(match: Match) -> list[Token]:
    if not match.pattern.preps:
        return []
    wanted = match.pattern.target_preps
    return [p for p in match.preps if p.lower_ in wanted]


def _is_own_force(doc: Doc, token: Token, sources: set[str], moved: bool = False) -> bool:
    """"Syria offered *its troops* to Lebanon": the source's own forces are its instrument, not
    its target; "Akar reiterated *Ankara's stance*": a thing of the source's own body is no target.
    ``moved``: the forces a deployment pattern names ("the government *sent soldiers* into X to
    fight the rebels") are the source's own when they are of its country, with or without "its"."""
    codes = {a.code for a in extension(doc, "actors") if a.id in sources}
    for c in kids(token):
        if c.dep_ == "poss" and c.pos_ == "PROPN" and not actor_of_token(doc, token):
            owner = coded_actor(doc, c)
            if owner is not None and owner.code in codes:
                return True
    if not moved and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in kids(token)):
        return False
    own = {(a.code or "")[:3] for a in extension(doc, "actors") if a.id in sources}
    ids = actors_of(doc, token)
    return bool(ids) and all((a.code or "")[:3] in own and (a.sector or "") in ("MIL", "POL")
                             for a in extension(doc, "actors") if a.id in ids)


def _phrase_target(doc: Doc, token: Token | None, exclude: set[str] | None = None) -> list[str]:
    """The actors a phrase names, or its author: "a fresh offer *from Afghanistan*", "a demand
    *by* X"; an unlinked object pronoun ("accusing *it* of ...") refers back to an earlier actor
    that is not in ``exclude`` (the sources)."""
    if token is None:
        return []
    ids = actors_of(doc, token)
    if is_object_pronoun(token):
        # "Beijing criticized *them*": not the source itself (that would be "themselves")
        own = source_codes(doc, exclude or set())
        ids = [a for a in ids if code_of(doc, a) not in own]
        back = pronoun_antecedent(doc, token, exclude or set())
        return ids or ([back] if back else [])
    if ids:
        return ids
    for c in kids(token):
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            ids = actors_of(doc, pobj_of(c))
            if ids:
                return ids
    return []


def _between(doc: Doc, token: Token | None) -> list[str]:
    """The parties of a thing *between* or *among* actors: "the arms deals between Iran and
    Venezuela endanger the region" -> each of the pair."""
    if token is None:
        return []
    for c in kids(token):
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
            # the parser may hang the pair elsewhere ("exercises between | Russia and Venezuela stop")
            pobj = pobj_of(c) or (doc[c.i + 1] if c.i + 1 < len(doc) else None)
            return actors_of(doc, pobj)
    return []


def instruments(match: Match) -> list[Token]:
    """The pattern's own object word when it names what is moved, fired, given or imposed ("fired
    *a Russian missile* at", "deployed *Indian missiles*", "sent *Japanese aid* to"): its maker or
    owner in front of it is the source's instrument's origin, not a target."""
    root = match.pattern.code[:2]
    if root not in INSTRUMENT_ROOTS or not (root == POSTURE_ROOT or match.pattern.target_preps
                                            or match.pattern.code.startswith(WEAPON_CODES)):
        return []
    return [c for c in kids(match.trigger) if c.dep_ == "dobj" and c in match.words]


def light_carriers(trig: Token, cues: Cues) -> list[Token]:
    """The light verb (and its noun) that carries an event noun: "*conducted* a crackdown",
    "*launched* a wave of attacks", "*were engaged* in fighting", "*took part* in raids"."""
    head, carrier = trig.head, trig
    if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        carrier, head = head.head, head.head.head     # "a wave *of* attacks"
    if carrier.dep_ in ("dobj", "nsubjpass") and lemma(head) in cues.light:
        return [head]
    if trig.dep_ == "pobj" and head.lower_ == "in":
        verb = head.head                              # "engaged *in*", "part *in*", "took part *in*"
        if lemma(verb) in cues.light_in or any(c.dep_ == "dobj" and lemma(c) in cues.light_in
                                               for c in kids(verb)):
            return [verb] + ([verb.head] if verb.dep_ == "dobj" else [])
    return []


def condition_subjects(doc: Doc, verb: Token, cues: Cues) -> list[str]:
    """The actors who must meet the condition on ``verb`` ("... *unless Israel* rescinded the
    law", "... *if the government* raised taxes"): the subject of its if/unless clause."""
    for c in kids(verb):
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditional for m in kids(c)):
            subj, how = subject_of(c, cues)
            ids = actors_of(doc, subj) if how != "passive" else []
            if ids:
                return ids
    return []


def find_targets(doc: Doc, match: Match, sources: list[str], cues: Cues,
                 plurals: PluralNouns | None = None) -> tuple[list[str], str]:
    """The target actors of ``match`` and where they were found (see :class:`Roles`)."""
    targets, found = _find_targets(doc, match, sources, cues, plurals)
    if targets and match.pattern.code[:2] == POSTURE_ROOT:
        home = {(code_of(doc, s) or "")[:3] for s in sources}
        targets = [t for t in targets if not ((code_of(doc, t) or "")[:3] in home
                                             and (code_of(doc, t) or "")[3:6] in ("", "CVL"))]
    return targets, (found if targets else "")


def _find_targets(doc: Doc, match: Match, sources: list[str], cues: Cues,
                  plurals: PluralNouns | None) -> tuple[list[str], str]:
    trig = match.trigger
    seen = set(sources)
    verbal = match.pattern.code[:2] in ("01", "02", "03", "05", "10", "11", "12", "13")

    def keep(ids: list[str]) -> list[str]:
        return [a for a in ids if a not in seen]

    def prep_targets(holder: Token) -> list[str]:
        for c in kids(holder):
            if c.dep_ in ("prep", "dative") and c.lower_ in DEFAULT_TARGET_PREPS:
                ids = keep(_phrase_target(doc, pobj_of(c), seen))
                if ids:
                    return ids
        return []

    # 1. the object of the pattern's own preposition ("sanctions *on* Iran", "succumb to
    # pressure *from* criminal groups")
    for prep in _target_preps(match):
        ids = keep(_phrase_target(doc, pobj_of(prep), seen))
        if ids:
            return ids, "prep"
    if not match.pattern.has_target:
        return [], ""
    # 2. the direct object, indirect object, or the passive subject; not the source's own forces
    reciprocal = match.pattern.reciprocal
    # what a consultation is about is no party to it: "discussed *China's* role" (an owner or
    # modifier of the object is its topic)
    topical = match.pattern.code[:2] == "04"
    tools = instruments(match)
    for dep in ("dobj", "dative", "attr", "oprd"):
        for c in kids(trig):
            if c.dep_ == dep and not _is_own_force(doc, c, seen, c in match.words and match.pattern.code[:2] == "15"):
                if topical or c in tools:
                    ids = keep(actors_of(doc, c, modifiers=False))
                else:
                    ids = keep(_phrase_target(doc, c, seen) if verbal or is_object_pronoun(c)
                               else actors_of(doc, c))
                if not ids and plurals is not None:
                    ids = plural_reference(doc, c, plurals, seen)   # "warned both sides"
                if ids:
                    return ids, "object"
    # a relative clause's verb acts on the noun the clause hangs on ("the journalists (whom)
    # police *detained*", "the refugees *deported* to Syria")
    acted_on = relative_object(trig) if match.pattern.kind == "verb" else None
    if acted_on is not None and not reciprocal:
        ids = keep(actors_of(doc, acted_on[0]))
        if ids:
            return ids, "relative-object"
    # verbs conjoined before the object they share ("arrested and charged *three men*")
    shared = shared_object(trig) if match.pattern.kind == "verb" else None
    if shared is not None and not _is_own_force(doc, shared, seen):
        ids = keep(_phrase_target(doc, shared, seen) if verbal else actors_of(doc, shared))
        if ids:
            return ids, "shared-object"
    if child_of(trig, "agent") is not None:
        ids = keep(actors_of(doc, passive_patient(trig, cues)))
        if ids:
            return ids, "patient"
    # 3. a prepositional target on the trigger ("met *with* Erdogan"), or on the light verb that
    # carries an event noun ("took part in raids *against* X", "conducted a crackdown *on* Y")
    ids = prep_targets(trig)
    if ids:
        return ids, "prep-object"
    if match.pattern.kind == "noun":
        wanted = match.pattern.target_preps or CARRIED_PREPS
        for verb in light_carriers(trig, cues):
            for c in kids(verb):
                if c.dep_ == "prep" and c.lower_ in wanted and c.i > trig.i:
                    ids = keep(_phrase_target(doc, pobj_of(c), seen))
                    if ids:
                        return ids, "carrier-prep"
    # 4. a statement's subject: "warned that *Iran* would pay" (a passive's patient: "demanded
    # that *the party* be banned"), or that of the clause a
    # speech-act noun carries: "a series of warnings *demanding that Washington* change"
    if verbal or lemma(trig) in cues.clause_object:
        carriers = [trig] + [c for c in kids(trig) if c.dep_ == "acl" and c.pos_ == "VERB"]
        if match.pattern.kind == "noun" and trig.dep_ == "dobj":
            # "reiterated its *demand* today *that Sudan* release ...": the noun's clause, hung on
            # the verb that carries the noun (after the noun)
            carriers += [c.head for c in kids(trig.head) if c.dep_ == "ccomp" and c.i > trig.i
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))]
        for carrier in carriers:
            comp = child_of(carrier, "ccomp")
            if comp is None and carrier.dep_ == "acl" and match.pattern.kind == "noun" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in kids(carrier)):
                comp = carrier      # "its *demand that Rwanda* withdraw": the noun's own clause
            if comp is not None:
                subj, how = subject_of(comp, cues)
                if subj is None and how == "passive":
                    # "demanded that the party *be banned*": who the demanded act falls on
                    subj = passive_patient(comp, cues)
                ids = keep(actors_of(doc, subj) or _between(doc, subj))
                if ids:
                    return ids, "clause"
        # "pleaded with X to reopen", "called on X to act", parsed as a clause whose subject is X
        for comp in kids(trig):
            if comp.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in APPEAL_MARKS for m in kids(comp)):
                ids = keep(actors_of(doc, child_of(comp, "nsubj")))
                if ids:
                    return ids, "clause"
    # 5. a prepositional target on the pattern's words or the object ("offered troops *to* X")
    holders = [w for w in match.words] + [c for c in kids(trig) if c.dep_ == "dobj"]
    holders += [c for h in list(holders) for c in kids(h) if c.dep_ in ("dobj", "pobj")]
    for h in holders:
        ids = prep_targets(h)
        if ids:
            return ids, "prep-object"
    # 6. what a threat, an appeal or a refusal is about: "threatened *to shell Iraqi towns*",
    # "refused to respond *to a demand from the US*"; a threat made on a condition is made to
    # whoever must meet it: "threatened a strike *unless the government* lowered prices"
    threat = match.pattern.code[:2] == "13"
    if verbal:
        for x in kids(trig):
            if x.dep_ != "xcomp" or x.pos_ != "VERB":
                continue
            # "ready to contribute *troops* to X": the source's own forces are what it gives
            theme = child_of(x, "dobj")
            ids = [] if theme is None or _is_own_force(doc, theme, seen, moved=True) \
                else keep(_phrase_target(doc, theme, seen))
            if not ids:
                ids = prep_targets(x)
            if not ids and threat:
                ids = keep(condition_subjects(doc, x, cues))
            if not ids and threat:
                # "threatened to resume attacks *in France*": the country where the threatened
                # act would happen is the one threatened
                holders = [x] + [o for o in kids(x) if o.dep_ == "dobj"]
                ids = keep([a for h in holders for c in kids(h) if c.dep_ == "prep" and c.lower_ == "in"
                            for a in actors_of(doc, pobj_of(c))
                            if getattr(actor_by_id(doc, a), "kind", None) == "country"])
            if ids:
                return ids, "infinitive"
    if threat:
        ids = keep(condition_subjects(doc, trig, cues))
        if ids:
            return ids, "condition"
    # a deployment's or an operation's purpose names its target: "troops were deployed *to push
    # back the rebels*", "launched an operation *to flush out the insurgents*"
    # aid's purpose names whom it helps: "provided training *to assist the national police*"
    root = match.pattern.code[:2]
    if root in PURPOSE_ROOTS or root == "07":
        verbs = conjuncts(clause_verb(trig))     # "provided training and funded prisons *to assist* X"
        purposes = [c for v in verbs for c in kids(v) if c.dep_ in ("advcl", "xcomp")]
        # an infinitive on the object, or on a conjoined noun the parser made of a verb phrase
        # ("and funded construction *to assist* X")
        holders = [o for v in verbs for o in kids(v) if o.dep_ == "dobj"] + [v for v in verbs if v.pos_ == "NOUN"]
        purposes += [c for o in holders for c in kids(o) if c.dep_ in ("acl", "relcl")]
        for c in purposes:
            protective = lemma(c) in cues.protective
            if (root == "07" and not protective) or (root in ATTACK_ROOTS and protective):
                continue
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)):
                ids = keep(actors_of(doc, child_of(c, "dobj"), modifiers=False))
                if ids:
                    return ids, "purpose"
    # 7. an actor inside the object phrase ("cast doubt on results that gave *the incumbent* ...");
    # not for a joint action, not the subject of a clause inside it ("tests that *experts* think ...")
    if reciprocal:
        return [], ""
    # (not the noun a relative clause hangs on: its phrase holds the clause itself)
    words = [w for w in match.words if w not in trig.ancestors]
    state = all((code_of(doc, a) or "")[3:6] in STATE_SECTORS for a in seen)
    # the words in front of an instrument ("a *Russian* cruise missile") name its origin
    origins = {i for tool in tools for i in range(tool.left_edge.i, tool.i)}
    for h in [c for c in kids(trig) if c.dep_ in ("dobj", "prep", "nsubjpass")] + words:
        if h.dep_ == "prep" and (h.lower_ in SETTING_PREPS and match.pattern.reciprocal
                                 or h.lower_ in CIRCUMSTANCE_PREPS):
            continue        # "met in Bangui": the place of a meeting is not a party to it; "*despite
            # threats of* X sanctions", "*amid* protests by Y": the circumstances, not the target
        for t in h.subtree:
            if t.i == trig.i or (t.dep_ in ("nsubj", "nsubjpass") and t.head.i != trig.i) or t.i in origins:
                continue
            if topical and t.dep_ in MODIFIER_DEPS:
                continue
            # not the source's own body as an owner ("reiterated *Ankara's* stance")
            own = {a.code for a in extension(doc, "actors") if a.id in seen}
            ids = [a for a in keep(actors_of(doc, t, modifiers=False))
                   if not (t.dep_ == "poss" and code_of(doc, a) in own)]
            phrase = t
            while phrase.dep_ in MODIFIER_DEPS and phrase.head is not phrase:
                phrase = phrase.head
            if ids and state and phrase.dep_ == "dobj" and phrase.head.i != trig.i \
                    and _is_own_force(doc, phrase, seen, moved=True):
                continue    # "is ready to contribute *troops* to X": its own forces are what it gives
            if ids:
                return ids[:1], "inside"
    # "despite protests by X, *the government* refused": whom a protest was set against
    if match.pattern.code[:2] == "14" and match.pattern.kind == "noun":
        ids = keep(actors_of(doc, faced_by(trig, cues)))
        if ids:
            return ids, "faced"
    # 8. "Britain seeks a deal ... Trump backed *the deal*": the one who had it before
    if verbal:
        own = source_codes(doc, seen)
        ids = [a for a in keep(actors_of(doc, thing_holder(trig))) if code_of(doc, a) not in own]
        if ids:
            return ids, "holder"
    return [], ""
