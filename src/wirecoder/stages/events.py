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

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..doc import Trace, actor_by_id, code_of, doc_lookup
from ..patterns import Pattern, PatternBook, load_patterns
from ..records import Article
from ..resources import Resources
from .dates import DateResolver
from .event_clauses import child_of, speaker_of, subject_of
from .event_commands import commander_of, load_command_words
from .event_answers import EarlierEvents, load_response_verbs
from .event_frames import asked_for, meeting_attendee, stranded_partner, topic_of_talk, asked_infinitive
from .event_drafts import Draft, quantity_change, merge_consequences, purpose_targets
from .event_free_relatives import called_targets
from .event_roles import MATERIAL_ROOTS, Roles, find_roles
from .event_targets import find_targets
from .phrase_actors import actors_of, is_media
from .event_mood import decide_code, refine_mood
from .event_obligations import StatedObligations
from .event_records import EventRecords
from .event_devices import unclaimed_attack, unclaimed_device_attack
from .event_private import public_pairs
from .event_reduced import (fight_victims, implicit_state_agent, load_reduced_words, protested_states,
                            received_events)
from .event_statements import load_statement_coder
from .event_triggers import Match, TriggerFinder, clause_verb, kids, lemma, mood_of
from .role_references import load_plural_nouns, mutual_object
from .implied_addressees import implied_addressee, load_addressee_words, peace_counterparts
from .implicit_targets import (civilian_country, civilians_actor, load_civilian_words, load_passive_agents,
                               load_speech_act_nouns, passive_agent, victim)
from .locations import Gazetteer, LocationResolver

log = logging.getLogger(__name__)

# cooperation that conjoined actors with no other target do with each other ("X and Y agreed to
# ...", "X and Y upgraded their ties"); conjoined actors of other roots act each alone
JOINT_ROOTS = ("03", "04", "05", "06")


class EventsStage(EarlierEvents, StatedObligations, EventRecords):
    name = "events"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.ontology = resources.ontology
        settings = resources.settings
        self.book: PatternBook = load_patterns(settings.data_dir / "patterns", resources.ontology,
                                               settings.pattern_files, settings.imported_patterns)
        self.cues = self.book.cues
        self.keep_negated = resources.settings.keep_negated
        self.finder = TriggerFinder(self.book)
        self.dates = DateResolver(self.cues)
        self.places = LocationResolver(Gazetteer())
        self.civilians = load_civilian_words(resources.settings.data_dir / "roles" / "civilians.yaml")
        self.plurals = load_plural_nouns(resources.settings.data_dir / "roles" / "plural_references.yaml")
        self.commands = load_command_words(resources.settings.data_dir / "roles" / "commands.yaml")
        self.speech_acts = load_speech_act_nouns(resources.settings.data_dir / "roles" / "speech_acts.yaml")
        self.event_nouns = load_speech_act_nouns(resources.settings.data_dir / "roles" / "referred_events.yaml")
        self.responses = load_response_verbs(resources.settings.data_dir / "roles" / "responses.yaml")
        self.addressees = load_addressee_words(resources.settings.data_dir / "roles" / "addressees.yaml")
        self.passive_agents = load_passive_agents(resources.settings.data_dir / "roles" / "passive_agents.yaml")
        self.reduced = load_reduced_words(resources.settings.data_dir / "reduced")
        self.statements = load_statement_coder(resources.settings.data_dir, resources.ontology,
                                               self.cues.future | self.cues.possible | self.cues.obligation,
                                               self.cues.conditional, self.cues.first_person)
        self.demand = Pattern(
            id="100 cue:SPEECH that X must|should", kind="verb", heads=self.cues.speech, words=(),
            preps=(), code="100", reciprocal=False, has_target=True, text="SPEECH that X must|should")

    # ------------------------------------------------------------------ per doc
    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        lookup = doc_lookup(doc)
        in_metadata = lookup.in_metadata if article is not None else (lambda start, end=None: False)
        drafts: list[Draft] = []
        traces: list[Trace] = list(doc._.trace)
        for sent in lookup.sents:
            span = (sent.start_char, sent.end_char)
            if in_metadata(sent.start_char, sent.end_char):
                continue
            notes: list[str] = []
            found: list[Draft] = []
            matches = self._matches(sent, notes)
            for match in matches:
                if in_metadata(match.trigger.idx):
                    notes.append(f"'{match.trigger.text}': in a metadata line, not coded")
                    continue
                found.extend(self._drafts(doc, sent, match, notes))
            found = purpose_targets(merge_consequences(found, notes), notes, self.cues.protest_aims)
            found = protested_states(doc, found, self.reduced, notes)
            found.extend(fight_victims(doc, sent, matches, found, self.reduced, notes))
            found = received_events(doc, sent, matches, found, self.reduced, notes)
            found = called_targets(doc, found, self.statements.words.evaluation_verbs, notes)
            found.extend(self.statements.stances(doc, sent, found, notes))
            found = self.statements.revise(doc, sent, found, notes)
            drafts.extend(self._answered(doc, found, drafts, notes))
            drafts.extend(self._stated_obligations(doc, sent, notes))
            if not notes:
                notes.append("no trigger: no pattern matches this sentence")
            traces.extend(Trace("events", span, n) for n in notes)
        drafts = peace_counterparts(doc, drafts, self.addressees)
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
                asker = asked_for(m.trigger, by_token)
                if asker is not None:
                    # "urged Kenya to open *an inquiry*": the inquiry is asked for, not held
                    drop.add(m.trigger.i)
                    notes.append(f"'{m.trigger.text}' is what '{asker.text}' asks for: coded once")
                continue
            verb = m.trigger
            if verb.dep_ == "ccomp" and verb.head.i in by_token and verb.head.i != verb.i \
                    and by_token[verb.head.i].pattern.code[:2] in ("02", "10"):
                # "demanded that its partners *refuse* to recognize ...": what is demanded
                drop.add(verb.i)
                notes.append(f"'{verb.text}' is what '{verb.head.text}' demands: coded once")
                continue
            commander = commander_of(verb, self.commands)
            if commander is not None and commander.i in by_token:
                # "ordered its military to *seal* the border": the orderer's own action
                drop.add(commander.i)
                notes.append(f"'{commander.text}' commands its own forces: coded as the ordered '{verb.text}'")
                continue
            gov = verb.head if verb.dep_ == "xcomp" or asked_infinitive(verb, by_token) else None
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
        if p.kind == "noun" and topic_of_talk(match.trigger, self.cues):
            notes.append(f"'{match.trigger.text}' ({p.id}): the topic of a talk or question, not reported as happening")
            return []
        if mood.kind == "intent" and code is not None and self._predicted_by_commentator(doc, match):
            notes.append(f"'{match.trigger.text}' ({p.id}): a commentator's prediction, not an announcement")
            return []
        demand = self._obligation(doc, match) if mood.kind == "obligation" else None
        if demand is not None:
            code, why = "100", "an obligation the speaker states: a demand"
        if code is None:
            notes.append(f"'{match.trigger.text}' ({p.id}): not coded, {why}")
            return []
        if negated and not self.keep_negated:
            notes.append(f"'{match.trigger.text}' ({p.id}): negated ({code}), did not happen: not output "
                         "(Settings.keep_negated outputs it flagged)")
            return []
        # the roles, found only for a draft that is kept (a stated obligation has its own)
        roles = demand if demand is not None else self._roles(doc, match)
        if not roles.sources:
            # "16 terrorists had been killed, the army said": a speaker who does such acts
            sources, targets = passive_agent(doc, match, self.cues, self.passive_agents)
            if targets and code[:2] in MATERIAL_ROOTS:
                # "two soldiers were wounded, the Pakistani army said": the victims' own side
                # reports its losses; it is not their attacker
                victims = {code_of(doc, t) for t in targets}
                sources = [s for s in sources if code_of(doc, s) not in victims]
            if sources:
                roles = Roles(tuple(sources), tuple(targets), "reporter", roles.quote,
                              "patient" if targets else "")
        if not roles.sources:
            if p.kind == "noun" or match.trigger.tag_ == "VBG" or (
                    match.trigger.tag_ == "VBN" and match.trigger.dep_ == "acl"):
                # "the charter *signed* between the army and the parties": a reduced clause
                pair = self._between(doc, match)
                if pair:
                    roles = Roles(tuple(pair), (), "between", roles.quote)
            if not roles.sources and p.kind == "noun" and code[:2] == "04":
                roles = meeting_attendee(doc, match, roles, self.cues, self.plurals)
            if not roles.sources:
                def place_country() -> str | None:
                    # the state where it happened: the place on the trigger, else the place
                    # the sentence puts anything in ("After arriving in Canada, she was detained")
                    place = self.places.from_text(sent, match.trigger) or self.places.in_sentence(sent)
                    return place.country if place is not None else None

                implicit = implicit_state_agent(doc, sent, match, code, self.reduced, place_country, notes) or \
                    unclaimed_device_attack(doc, sent, match, code, self.reduced, lambda: place_country() or getattr(
                        self.places.anywhere(sent), "country", None), notes) or \
                    unclaimed_attack(doc, sent, match, code, self.reduced, self.civilians, lambda: place_country() or
                                     getattr(self.places.anywhere(sent), "country", None) or
                                     self.places.only_country(sent), notes)
                if implicit:
                    return implicit
                notes.append(f"'{match.trigger.text}' ({p.id}): trigger but no source actor")
                return []
        if roles.target_from in ("", "inside") and code[:2] in self.civilians.roots:
            # the people an attack hit before a place deep in its object ("a train *in Pakistan*")
            roles = self._civilian_target(doc, sent, match, roles)
        joint = p.reciprocal or roles.source_from == "between" or mutual_object(match.trigger) or (
            code[:2] in JOINT_ROOTS and lemma(match.trigger) not in self.cues.unilateral)
        if joint and len(roles.sources) > 1 and roles.target_from in ("clause", "inside"):
            # "X and Y signed an agreement to combat rebels": a joint act of X and Y, the
            # actor deep in its object is not a party to it
            roles = Roles(roles.sources, (), roles.source_from, roles.quote)
        if joint and not roles.targets and self._unnamed_party(match):
            # "the two presidents ... despite backing *rival sides*": the partner is a party the
            # text does not name (not the sources themselves); cooperation with no partner is no dyad
            notes.append(f"'{match.trigger.text}' ({p.id}): cooperation with an unnamed party, not coded")
            return []
        # an intention, a demand, a refusal or a threat goes one way ("Turkey will (not) buy U.S.
        # aircraft", "X said Y and Z must reach an agreement": X demands of Y and of Z)
        reciprocal = p.reciprocal and code[:2] not in ("03", "10", "12", "13")
        pairs = self._pairs(roles, reciprocal, p.has_target, joint)
        partner = stranded_partner(doc, match.trigger, roles.sources) \
            if p.reciprocal and not roles.targets and len(roles.sources) == 1 else []
        if partner:
            notes.append(f"'{match.trigger.text}' ({p.id}): the other side hangs on the subject's relative clause")
            roles = dataclasses.replace(roles, sources=(*roles.sources, *partner))
            pairs = self._pairs(roles, reciprocal, p.has_target, joint)
        if p.reciprocal and not roles.targets and len(roles.sources) < 2:
            notes.append(f"'{match.trigger.text}' ({p.id}): a joint action with one actor only, not coded")
            return []
        if p.kind == "verb" and p.specificity == 0 and lemma(match.trigger) in self.cues.not_in_purpose and match.trigger.dep_ in (
                "advcl", "pcomp", "acl", "relcl") and not any(c.dep_ == "nsubj" for c in kids(match.trigger)):
            notes.append(f"'{match.trigger.text}' ({p.id}): the aim or condition of another act, no event")
            return []
        if p.kind == "verb" and lemma(match.trigger) in self.cues.needs_object and not any(
                c.dep_ in ("dobj", "nsubjpass", "dative") for c in kids(match.trigger)):
            notes.append(f"'{match.trigger.text}' ({p.id}): intransitive, no event")
            return []
        if code[:2] == "12" and p.kind == "verb" and self._press_refusal(match.trigger):
            notes.append(f"'{match.trigger.text}' ({p.id}): declines a reporter's question, no event")
            return []
        if p.kind == "verb" and quantity_change(match.trigger, self.cues.change_verbs):
            notes.append(f"'{match.trigger.text}' ({p.id}): a number that changed, no event")
            return []
        # an actor's own public call for something ("Washington's call for denuclearization") needs
        # no addressee; a bare "his appeal" refers to one made to someone, named elsewhere
        public_call = code[:2] == "02" and p.kind == "noun" and roles.source_from == "modifier" and bool(match.preps)
        if (code in self.cues.needs_target or code[:2] in self.cues.needs_target
                or lemma(match.trigger) in self.cues.needs_target_verbs) and not public_call:
            pairs = [(s, t) for s, t in pairs if t is not None]
            if not pairs:
                notes.append(f"'{match.trigger.text}' ({p.id}): {code} needs a target actor, not coded")
                return []
        if code in self.cues.journalism or code[:2] in self.cues.journalism:
            pairs = [(s, t) for s, t in pairs if not (is_media(doc, s) or (t is not None and is_media(doc, t)))]
            if not pairs:
                notes.append(f"'{match.trigger.text}' ({p.id}): {code} with the news media, journalism: not coded")
                return []
        pairs = public_pairs(doc, pairs, code, self.cues)
        if not pairs:
            notes.append(f"'{match.trigger.text}' ({p.id}): {code} by private people, not politics: not coded")
            return []
        note = f"'{match.trigger.text}' fired {p.id} -> {code}" + (f" ({why})" if why else "") + \
            f"; source by {roles.source_from}" + (f", target by {roles.target_from}" if roles.targets else "")
        notes.append(note)
        return [Draft(match, code, s, t, negated, roles, sent, note) for s, t in pairs]

    def _press_refusal(self, trigger: Token) -> bool:
        """"declined comment", "declined to comment", "refused to respond to questions about X":
        the refused thing is an answer to the press (with an object only when that names a
        question)."""
        for c in kids(trigger):
            if c.dep_ == "dobj" and (lemma(c) in self.cues.press_nouns or any(
                    p.dep_ == "pobj" and lemma(p) in self.cues.press_nouns
                    for f in kids(c) if f.dep_ == "prep" and f.lower_ == "for" for p in kids(f))):
                return True
            if c.dep_ == "xcomp" and lemma(c) in self.cues.press_replies:
                if any(o.dep_ == "ccomp" for o in kids(c)):
                    return False
                named = [o for o in kids(c) if o.dep_ == "dobj"] + [
                    p for o in kids(c) if o.dep_ == "prep" for p in kids(o) if p.dep_ == "pobj"]
                return all(lemma(o) in self.cues.press_nouns for o in named)
        return False

    def _roles(self, doc: Doc, match: Match) -> Roles:
        """Who did it to whom: the parse's roles, an implied addressee, an order's giver."""
        roles = implied_addressee(doc, match, find_roles(doc, match, self.cues, self.plurals), self.addressees,
                                  self.civilians)
        commander = commander_of(match.trigger, self.commands) if match.pattern.kind == "verb" else None
        if commander is not None:
            roles = self._commanded(doc, match, commander, roles)
        return roles

    def _commanded(self, doc: Doc, match: Match, commander: Token, roles: Roles) -> Roles:
        """"X ordered its troops to withdraw": X is the source of the withdrawal; its forces are
        neither source nor target."""
        subj, how = subject_of(commander, self.cues)
        sources = actors_of(doc, subj) if how == "subject" else []
        if not sources:
            return roles
        forces = set(actors_of(doc, child_of(commander, "dobj")))
        targets, target_from = find_targets(doc, match, sources, self.cues)
        targets = [t for t in targets if t not in forces]
        return Roles(tuple(sources), tuple(targets), "commander", roles.quote, target_from if targets else "")

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

    @staticmethod
    def _between(doc: Doc, match: Match) -> list[str]:
        for c in kids(match.trigger):
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                pobj = next((x for x in kids(c) if x.dep_ == "pobj"), None)
                ids = actors_of(doc, pobj)
                if len(ids) >= 2:
                    return ids
        return []

    def _unnamed_party(self, match: Match) -> bool:
        """The trigger's object is a party noun ("sides", "countries", "leaders") that names no actor."""
        words = self.plurals.parties | self.plurals.people
        return any(c.dep_ == "dobj" and lemma(c) in words
                   for c in kids(match.trigger))

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
