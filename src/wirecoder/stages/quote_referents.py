"""Who a description stands for: the tokens a quote's speaker phrase points at.

News names a speaker by a description as often as by a name; these helpers find the
word of the parse that names the real speaker, so :mod:`.quote_speakers` can resolve it
through the actors stage:

- a name the description itself carries ("social worker and activist Ryan Febrianto",
  "Former envoy to Kenya, Peter Walsh,", "the aid group, known by its acronym IRC");
- the "of" object of a quantity ("Sixty percent of farmers said" -> farmers);
- the issuer of a document that "speaks" ("the agency's report", "a report by X",
  "a WindEurope report finds");
- the owner a role phrase the actors stage left uncoded speaks for ("the Thai prime
  minister's office", "the Sudanese army chief": the actor of its possessor or compound);
- the subject the parser left stranded before a reporting verb
  ("In Abidjan, Willy Neth, coordinator for ..., says": Neth was parsed as a conjunct).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc import actor_of_token, mention_of_token
from ..records import Actor
from .quote_lexicon import QuoteLexicon

_NAME_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_KNOWN = {"know", "call", "name"}


def _last_word(head: Token) -> Token:
    """The last word of ``head``'s phrase, punctuation aside."""
    i = head.right_edge.i
    while i > head.i and head.doc[i].is_punct:
        i -= 1
    return head.doc[i]


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and (token.ent_type_ in _NAME_ENTS or not token.ent_type_)


def named_in(head: Token) -> Token | None:
    """A name the description ``head`` carries: an appositive or conjunct name in its phrase
    (possibly hung on a place inside it), or the name it is "known as/by"."""
    for token in head.subtree:
        if token.i == head.i or not _is_name(token):
            continue
        if token.dep_ == "conj" and token.head.i == head.i:
            return token
        if token.dep_ == "appos" and (token.head.i == head.i or (
                token.head.dep_ == "pobj" and token.head.head.head.i == head.i)):
            return token
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.i == _last_word(head).i:
            return token  # "A media analyst at the School of Journalism, Gatov also noted"
        if token.dep_ == "pobj" and token.head.dep_ in ("agent", "prep") and token.head.head.lemma_ in _KNOWN:
            return token
    return None


def name_before(verb: Token, subject: Token) -> Token | None:
    """A person's name right before the verb that is not part of the parsed subject:
    "Speaking at the Council, a think tank, on Tuesday, Adviser Robert O'Brien said"."""
    doc = verb.doc
    if verb.i == 0 or subject.pos_ != "NOUN":
        return None
    before = doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.ent_type_ != "PERSON":
        return None
    if subject.left_edge.i <= before.i <= subject.right_edge.i:
        return None
    return before


def partitive_of(head: Token, lex: QuoteLexicon) -> Token | None:
    """"Sixty percent of students said", "many of the residents say": the "of" object."""
    quantity = head.lower_ in lex.partitives or head.lemma_.lower() in lex.partitives \
        or head.like_num or head.ent_type_ in ("PERCENT", "CARDINAL")
    if not quantity:
        return None
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return None  # "One of the study's authors, Peter Olsen, said": the name speaks
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def is_document(token: Token, lex: QuoteLexicon) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in lex.documents


def issuer_of(document: Token, lex: QuoteLexicon) -> Token | None:
    """Who issued a document: its owner ("the agency's report"), a "by"/"from" agent, or
    a name before it ("a recent WindEurope report")."""
    for child in document.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return child
    for child in document.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
        if child.dep_ == "acl":  # "a report issued by the institute"
            for prep in child.children:
                if prep.dep_ in ("agent", "prep") and prep.lower_ == "by":
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                        return obj
    names = [c for c in document.lefts if c.dep_ == "compound" and _is_name(c)]
    if names:
        return names[-1]
    pronoun = next((c for c in document.children if c.dep_ == "poss"), None)
    return pronoun  # "its report": the pronoun, resolved by the caller; else None


def carried_subject(verb: Token, lex: QuoteLexicon) -> Token | None:
    """"It issued a statement saying ...": a participle on a document takes the subject of
    the verb that produced the document."""
    noun = verb.head
    if verb.dep_ != "acl" or not is_document(noun, lex):
        return None
    governor = noun.head
    if noun.dep_ == "pobj":
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def stranded_subject(verb: Token) -> Token | None:
    """The name a misparse left before a subjectless reporting verb, across an appositive:
    "Willy Neth, coordinator for the federation, says" with Neth hung elsewhere."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].is_punct:
        i -= 1
    if i < verb.sent.start or doc[verb.i - 1].text != ",":
        return None
    token = doc[i]
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.i >= verb.i:
            return None
        if token.dep_ == "appos" or token.dep_ in ("pobj", "prep", "compound", "amod", "det", "poss"):
            if token.head.i == token.i:
                return None
            token = token.head
            continue
        if _is_name(token) and token.ent_type_ in ("PERSON", "ORG", ""):
            return token
        return None
    return None


def acronym_of(token: Token) -> str | None:
    """An acronym naming ``token``'s organisation in the story: the word itself ("the UNHCR
    said") or its appositive ("the Nigeria Center for Disease Control, or NCDC, said")."""
    for word in [token] + [c for c in token.children if c.dep_ in ("appos", "conj")]:
        text = word.text.replace(".", "")
        if 2 <= len(text) <= 8 and text.isalpha() and text.isupper():
            return word.text
    return None


def with_acronym(name: str, token: Token) -> str:
    """The actor's name with the acronym the story uses for it, when the name lacks it:
    "U.N. Refugee Agency (UNHCR)", "European Union (EU)"."""
    acronym = acronym_of(token)
    if acronym is None or acronym.lower() in name.lower().replace(".", "").split():
        return name
    return f"{name} ({acronym})"


def proper_name(token: Token) -> str:
    """The proper-noun words ending at ``token`` ("Tunde Bakare" of "blogger Tunde Bakare")."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head.i >= token.i - 3 \
            and token.doc[start - 1].dep_ in ("compound", "flat"):
        start -= 1
    return token.doc[start:token.i + 1].text


def is_personal(doc: Doc, token: Token) -> bool:
    """A name the context shows to be a person's, whatever its entity label: a person actor,
    or a name with a "who" clause ("Chalida Tajaroensuk, who heads the foundation")."""
    actor = actor_of_token(doc, token)
    if actor is not None and actor.kind == "person":
        return True
    return any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
               for c in token.children)


def _names_body(noun: Token) -> bool:
    """A compound that names a body, not a kind ("the Sudanese army chief", "the defense
    ministry official"; not "media advocates"): a proper name, or a mention wider than it."""
    if noun.pos_ == "PROPN":
        return True
    m = mention_of_token(noun.doc, noun)
    return m is not None and m.span[1] - m.span[0] > len(noun.text)


def owner_actor(head: Token) -> Actor | None:
    """"the Sudanese army chief", "the Peruvian minister's office", "Minister Ana Lopez's
    account": a role noun the actors stage left uncoded speaks for the actor its possessor or
    compound names, when that actor is a sector or role of a country (a bare country's thing,
    "Chile's results", is no speaker)."""
    if head.pos_ != "NOUN":
        return None
    for child in head.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and _names_body(child)):
            actor = actor_of_token(head.doc, child)
            if actor is not None and actor.country and (actor.sector or actor.role):
                return actor
    return None
