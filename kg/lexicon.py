"""The lexicon: trigger words, titles, hedges and pronouns, read from data files.

``kg/data/lexicon.yaml`` ships with kgbuild; a user's own files (``--lexicon FILE``) are
merged into it: lists are extended, mappings updated. Extraction code asks the
:class:`Lexicon` object and never inlines a word.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import yaml

from kg.model import Relation
from kg.resources import data_dir


class LexiconError(ValueError):
    """A lexicon file cannot be read or has the wrong shape."""


@dataclass(frozen=True)
class Trigger:
    """How a trigger word attaches the other party: by direct object and/or prepositions.

    ``words`` is the whole lemma sequence ("hold", "talk" for "hold talks"): the first is
    the trigger's lemma, the rest must be its particle or object.
    """

    relation: Relation
    words: tuple[str, ...]
    object: bool = False
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    launch_verbs: frozenset[str]
    weapons: frozenset[str]
    weapon_preps: frozenset[str]
    light_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    idiom_objects: frozenset[str]
    joining_verbs: frozenset[str]
    meet_verbs: frozenset[str]
    met_things: frozenset[str]
    person_verbs: frozenset[str]
    medium_nouns: frozenset[str]
    institution_heads: frozenset[str]
    figurative_objects: frozenset[str]
    meeting_nouns: frozenset[str]
    quantity_heads: frozenset[str]
    reciprocal: frozenset[str]
    travel_verbs: frozenset[str]
    phrasal_particles: frozenset[str]
    explaining_preps: frozenset[str]
    entourage_nouns: frozenset[str]
    message_nouns: frozenset[str]
    trade_nouns: frozenset[str]
    discourse_markers: frozenset[str]
    admission_verbs: frozenset[str]
    membership_nouns: frozenset[str]
    venue_words: frozenset[str]
    written_verbs: frozenset[str]
    written_nouns: frozenset[str]
    name_suffixes: frozenset[str]
    org_words: frozenset[str]
    not_names: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    event_heads: frozenset[str]
    audiences: frozenset[str]
    speech_verbs: frozenset[str]
    aspectual_verbs: frozenset[str]
    speaker_object_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    directive_governors: frozenset[str]
    negating_governors: frozenset[str]
    intention_nouns: frozenset[str]
    conditional_marks: frozenset[str]
    hedges: frozenset[str]
    future_modifiers: frozenset[str]
    negators: frozenset[str]
    future_times: frozenset[str]
    present_times: frozenset[str]
    later_words: frozenset[str]
    time_preps: frozenset[str]
    generic_determiners: frozenset[str]
    generic_kin: frozenset[str]
    unverified_saying: frozenset[str]
    preview_verbs: frozenset[str]
    containing_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    carrying_verbs: frozenset[str]
    founding_verbs: frozenset[str]
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    anonymous_heads: frozenset[str]
    group_heads: frozenset[str]
    proxy_heads: frozenset[str]
    generic_heads: frozenset[str]
    body_heads: frozenset[str]
    plural_sources: frozenset[str]
    charge_verbs: frozenset[str]
    work_products: frozenset[str]
    assemblies: frozenset[str]
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    media: frozenset[str]
    media_words: frozenset[str]
    media_roles: frozenset[str]
    public_bodies: frozenset[str]
    quote_min_words: int
    naming_words: frozenset[str]
    habit_adverbs: frozenset[str]
    gloss_words: frozenset[str]
    consequence_verbs: frozenset[str]
    uniting_verbs: frozenset[str]
    other_side_nouns: frozenset[str]
    nonviolent_kinds: frozenset[str]
    waters: frozenset[str]
    aiming_verbs: frozenset[str]
    course_verbs: frozenset[str]
    soft_means: frozenset[str]
    hazards: frozenset[str]
    civil_offices: frozenset[str]
    event_acronyms: frozenset[str]
    raw: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    @cached_property  # computed once: extraction asks for it for every token
    def title_words(self) -> frozenset[str]:
        """Every single word that occurs in a title."""
        return frozenset(w for t in self.titles for w in t.split())

    def ends_title(self, words: list[str]) -> bool:
        """Do these words (lower case, in order) end with a whole title ("secretary of
        state"; not the "state" of "State Dinner", nor the "his" of "His Excellency")?"""
        return any(words[len(words) - len(t):] == t for t in self._titles_by_head.get(
            words[-1] if words else "", ()))

    @cached_property
    def _titles_by_head(self) -> dict[str, list[list[str]]]:
        out: dict[str, list[list[str]]] = {}
        for words in (title.split() for title in self.titles):
            out.setdefault(words[-1], []).append(words)
        return out

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """The last word of each title ("coordinator" of "Middle East coordinator"): what
        "the …" can name a person by."""
        return frozenset(t.split()[-1] for t in self.titles)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


class WordLoader(yaml.SafeLoader):
    """YAML without YAML 1.1's booleans: in a word list, on, off, yes and no are words."""


WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path):
    """Read a data file with :class:`WordLoader`."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=WordLoader)  # noqa: S506 - a SafeLoader subclass


def _read(path: Path) -> dict:
    try:
        data = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon is a YAML mapping (see kg/data/lexicon.yaml)")
    return data


def _words(values: Iterable) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _triggers(relation: Relation, table: dict | None, head: int) -> dict[str, list[Trigger]]:
    """Triggers keyed by their head word: verbs by the first ("hold talks" by "hold"),
    nouns by the last ("phone call" by "call")."""
    out: dict[str, list[Trigger]] = {}
    for lemma, spec in (table or {}).items():
        spec = spec or {}
        words = tuple(str(lemma).lower().split())
        trigger = Trigger(
            relation=relation,
            words=words,
            object=bool(spec.get("object", False)),
            preps=_words(spec.get("prep", [])),
        )
        out.setdefault(words[head], []).append(trigger)
    return out


def _build(data: dict) -> Lexicon:
    relations = data.get("relations", {})
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for relation in Relation:
        spec = relations.get(relation.value) or {}
        for lemma, triggers in _triggers(relation, spec.get("verbs"), 0).items():
            verbs.setdefault(lemma, []).extend(triggers)
        for lemma, triggers in _triggers(relation, spec.get("nouns"), -1).items():
            nouns.setdefault(lemma, []).extend(triggers)
    attacked = relations.get("attacked") or {}
    convened = relations.get("convened") or {}
    spoke = relations.get("spoke_with") or {}
    fact = data.get("factuality") or {}
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        launch_verbs=_words(attacked.get("launch_verbs")),
        weapons=_words(w.split()[-1] for w in attacked.get("weapons") or ()),
        weapon_preps=_words(attacked.get("weapon_preps")),
        light_verbs=_words(attacked.get("light_verbs")),
        harm_verbs=_words(attacked.get("harm_verbs")),
        idiom_objects=_words(attacked.get("idiom_objects")),
        nonviolent_kinds=_words(attacked.get("nonviolent_kinds")),
        waters=_words(attacked.get("waters")),
        aiming_verbs=_words(attacked.get("aiming_verbs")),
        course_verbs=_words(attacked.get("course_verbs")),
        soft_means=_words(attacked.get("soft_means")),
        hazards=_words(attacked.get("hazards")),
        civil_offices=_words(attacked.get("civil_offices")),
        event_acronyms=_words(data.get("event_acronyms")),
        joining_verbs=_words(attacked.get("joining_verbs")),
        meet_verbs=_words(convened.get("meet_verbs")),
        met_things=_words(convened.get("met_things")),
        person_verbs=_words(spoke.get("person_verbs")),
        medium_nouns=_words(spoke.get("medium_nouns")),
        institution_heads=_words(spoke.get("institution_heads")),
        figurative_objects=_words(convened.get("figurative_objects")),
        uniting_verbs=_words(convened.get("uniting_verbs")),
        other_side_nouns=_words(convened.get("other_side_nouns")),
        meeting_nouns=_words(convened.get("meeting_nouns")),
        quantity_heads=_words(data.get("quantity_heads")),
        reciprocal=_words(data.get("reciprocal")),
        travel_verbs=_words(data.get("travel_verbs")),
        phrasal_particles=_words(data.get("phrasal_particles")),
        explaining_preps=_words(data.get("explaining_preps")),
        entourage_nouns=_words(data.get("entourage_nouns")),
        message_nouns=_words(data.get("message_nouns")),
        trade_nouns=_words(data.get("trade_nouns")),
        discourse_markers=_words(data.get("discourse_markers")),
        admission_verbs=_words(data.get("admission_verbs")),
        membership_nouns=_words(data.get("membership_nouns")),
        venue_words=_words(data.get("venue_words")),
        written_verbs=_words(data.get("written_verbs")),
        written_nouns=_words(data.get("written_nouns")),
        name_suffixes=_words(data.get("name_suffixes")),
        org_words=_words(data.get("org_words")),
        not_names=_words(data.get("not_names")),
        male_titles=_words(data.get("male_titles")),
        female_titles=_words(data.get("female_titles")),
        event_heads=_words(data.get("event_heads")),
        audiences=_words(data.get("audiences")),
        speech_verbs=_words(data.get("speech_verbs")),
        aspectual_verbs=_words(data.get("aspectual_verbs")),
        speaker_object_verbs=_words(data.get("speaker_object_verbs")),
        statement_nouns=_words(data.get("statement_nouns")),
        future_modals=_words(fact.get("future_modals")),
        hypothetical_modals=_words(fact.get("hypothetical_modals")),
        future_governors=_words(fact.get("future_governors")),
        hypothetical_governors=_words(fact.get("hypothetical_governors")),
        directive_governors=_words(fact.get("directive_governors")),
        negating_governors=_words(fact.get("negating_governors")),
        intention_nouns=_words(fact.get("intention_nouns")),
        conditional_marks=_words(fact.get("conditional_marks")),
        hedges=_words(fact.get("hedges")),
        future_modifiers=_words(fact.get("future_modifiers")),
        negators=_words(fact.get("negators")),
        future_times=_words(fact.get("future_times")),
        present_times=_words(fact.get("present_times")),
        later_words=_words(fact.get("later_words")),
        time_preps=_words(fact.get("time_preps")),
        generic_determiners=_words(fact.get("generic_determiners")),
        generic_kin=_words(fact.get("generic_kin")),
        unverified_saying=_words(fact.get("unverified_saying")),
        preview_verbs=_words(fact.get("preview_verbs")),
        containing_verbs=_words(fact.get("containing_verbs")),
        topic_verbs=_words(fact.get("topic_verbs")),
        carrying_verbs=_words(fact.get("carrying_verbs")),
        founding_verbs=_words(fact.get("founding_verbs")),
        titles=_words(data.get("titles")),
        title_modifiers=_words(data.get("title_modifiers")),
        anonymous_heads=_words(data.get("anonymous_heads")) | _words(data.get("person_nouns")),
        group_heads=_words(data.get("group_heads")),
        proxy_heads=_words(data.get("proxy_heads")),
        plural_sources=_words(data.get("plural_sources")),
        charge_verbs=_words(data.get("charge_verbs")),
        work_products=_words(data.get("work_products")),
        assemblies=_words(data.get("assemblies")),
        generic_heads=_words(data.get("generic_heads")),
        body_heads=_words(data.get("body_heads")),
        person_pronouns=_words(data.get("person_pronouns")),
        plural_pronouns=_words(data.get("plural_pronouns")),
        media=_words(data.get("media")),
        media_words=_words(data.get("media_words")),
        media_roles=_words(data.get("media_roles")),
        public_bodies=_words(data.get("public_bodies")),
        quote_min_words=int(data.get("quote_min_words", 3)),
        naming_words=_words(data.get("naming_words")),
        habit_adverbs=_words(data.get("habit_adverbs")),
        gloss_words=_words(data.get("gloss_words")),
        consequence_verbs=_words(data.get("consequence_verbs")),
        raw=data,
    )


@cache
def _load(paths: tuple[str, ...]) -> Lexicon:
    data = _read(data_dir() / "lexicon.yaml")
    for path in paths:
        data = _merge(data, _read(Path(path)))
    return _build(data)


def load_lexicon(extra: Iterable[str | os.PathLike[str]] = ()) -> Lexicon:
    """The shipped lexicon, extended by the user's files (cached per list of files)."""
    return _load(tuple(str(p) for p in extra))


@cache
def load_first_names() -> dict[str, str]:
    """First name -> "m" or "f" (kg/data/first_names.tsv, see scripts/build_first_names.py)."""
    out = {}
    with open(data_dir() / "first_names.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                name, gender = line.rstrip("\n").split("\t")
                out[name] = gender
    return out
