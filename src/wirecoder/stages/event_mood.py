"""The mood of a matched event: did it happen, is it only intended, threatened, refused,
negated, possible or conditional, and which CAMEO code that makes (an intended cooperation
03x, an announced conflict 13x, a refusal 12x). :func:`event_triggers.mood_of` reads the
trigger's own clause; :func:`refine_mood` adds what the clauses around it say.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..patterns import Cues
from .event_triggers import Match, Mood, clause_verb, kids, lemma

COOPERATIVE = ("04", "05", "06", "07", "08")
# the subject of a small clause that is its governor's own subject ("could find *itself* excluded")
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself"})
CONFLICTUAL = ("14", "15", "16", "17", "18", "19", "20")


def decide_code(code: str, mood: Mood, cues: Cues) -> tuple[str | None, bool, str]:
    """The code a mood turns ``code`` into: ``(code or None, negated, why)``."""
    root = code[:2]
    if mood.kind == "conditional":
        return None, mood.negated, mood.reason
    if mood.kind == "possible":
        return None, mood.negated, mood.reason
    if mood.kind == "ultimatum":        # "will not buy U.S. jets if ...": a threat, whatever the action
        return cues.threat_code(code), False, mood.reason
    if mood.kind == "refused":
        if root in COOPERATIVE or root == "03":
            return cues.reject_code(code), False, mood.reason
        return code, True, mood.reason
    if mood.kind == "prepared" and cues.preparation_code(code) and not mood.negated:
        return cues.preparation_code(code), False, mood.reason + ": getting ready, force posture"
    if mood.kind in ("intent", "prepared"):
        if root in COOPERATIVE:
            if mood.negated:
                return cues.reject_code(code), False, mood.reason + ", negated: a refusal"
            return cues.intent_code(code), False, mood.reason
        if root in CONFLICTUAL:
            return cues.threat_code(code), mood.negated, mood.reason + ": a threat"
        return code, mood.negated, mood.reason
    if mood.kind == "obligation":
        return None, mood.negated, mood.reason
    if mood.negated and cues.negated_code(code):
        # "he does not support the measure": withholding support is disapproval
        return cues.negated_code(code), False, "negated: " + str(cues.negated_code(code))
    return code, mood.negated, "negated" if mood.negated else ""


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in kids(verb) if c.dep_ in ("aux", "auxpass")}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in kids(verb))


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids(verb))


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


def _chain_top(verb: Token) -> Token:
    """The first verb of a chain of infinitives ("time to consider *offering*" -> consider)."""
    t = verb
    for _ in range(4):
        if t.dep_ != "xcomp" or t.head is t or t.head.pos_ not in ("VERB", "AUX"):
            break
        t = t.head
    return t


def _weighed_likelihood(verb: Token, cues: Cues) -> Token | None:
    """The word that weighs how likely a future or possible action is ("it was *evident* that
    they would impose curfews", "it is *likely* that the militia will attack"), or None: such an
    action is a prediction, not its actor's announcement."""
    if verb.dep_ != "ccomp" or verb.head is verb or not _auxes(verb) & (cues.future | cues.possible):
        return None
    head = verb.head
    if head.lower_ in cues.predictions or lemma(head) in cues.predictions:
        return head
    return next((c for c in kids(head) if c.dep_ in ("acomp", "attr")
                 and (c.lower_ in cues.predictions or lemma(c) in cues.predictions)), None)


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
    weighed = _weighed_likelihood(verb, cues)
    if weighed is not None:
        return Mood("possible", mood.negated, f"a prediction ('{weighed.text} that ... {verb.text}'): not a fact")
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
    t = verb
    for _ in range(4):      # "hired a man *to kill* the journalist": the killing is the purpose
        if t.dep_ not in ("xcomp", "advcl") or t.head is t or not _has_to(t):
            break
        if lemma(t.head) in cues.purpose_givers and any(c.dep_ == "dobj" for c in kids(t.head)):
            return Mood("possible", negated, f"a purpose of '{t.head.text}' (hired/paid X to): not a fact")
        t = t.head
    t = top
    for _ in range(6):      # "the evidence would not show that he *planned* to kill"
        if t.dep_ == "ccomp" and t.head is not t and lemma(t.head) in cues.evidential and (
                _negated(t.head) or _auxes(t.head) & (cues.future | cues.possible | cues.obligation)):
            return Mood("possible", negated, f"what '{t.head.text}' would or does not show: not a fact")
        if t.dep_ == "ccomp" and t.head is not t and lemma(t.head) in cues.denial:
            return Mood("possible", negated, f"what '{t.head.text}' denies: not a fact")
        if t.head is t:
            break
        t = t.head
    if top.dep_ in ("ccomp", "xcomp") and gov is not top and lemma(gov) in cues.intent & cues.speech and (
            top.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in kids(gov))):
        return Mood("possible", negated, f"what '{gov.text}' expects of another: not a fact")
    t = top
    for _ in range(6):      # "no signs that the North Koreans are interested in *talking*"
        if t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in kids(t.head)):
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
            joined_by_but = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in kids(head))
            if not joined_by_but and any(c.dep_ == "neg" for c in kids(head)):
                negated = True
        elif t.dep_ in ("xcomp", "advcl") and t.head is not t and t.head.pos_ in ("VERB", "AUX") and _has_to(t):
            head = t.head       # "refusing to meet *to discuss*", "may start *threatening*"
            if lemma(head) in cues.refusal:
                return Mood("refused", negated, f"refused ('{head.text}')")
            if lemma(head) in cues.intent:
                kind = "prepared" if lemma(head) in cues.preparation and head.tag_ != "VBN" else "intent"
                return Mood(kind, negated or _negated(head), f"intended ('{head.text}')")
            if lemma(head) in cues.obligation:
                return Mood("obligation", negated, f"an obligation ('{head.text} to')")
        elif (t.dep_ == "xcomp" and lemma(t.head) in cues.continuation or t.dep_ == "oprd") and t.head is not t:
            head = t.head       # "continue to support", "find itself *excluded*"
        elif t.dep_ == "ccomp" and t.head is not t and any(
                c.dep_ == "nsubj" and c.lower_ in REFLEXIVE for c in kids(t)):
            head = t.head       # "could find itself *excluded*": the small clause shares the modal
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ == "by" \
                and t.head.head.pos_ in ("VERB", "AUX"):
            head = t.head.head  # "could escalate threats *by testing* its weapons": the means shares the modal
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
