"""A faster way to the same annotations as spaCy's attribute ruler.

The English pipelines' ``attribute_ruler`` maps each token's fine tag to its part of
speech and morphology, with exceptions for some words ("ain't", "gonna"). spaCy runs its
179 patterns through the general token Matcher, and then makes a Span for each match:
on White House briefings that took 12 % of the pipeline's time, as much as the parser.
Nearly all its patterns test one token for equal values (TAG, LOWER, DEP, IS_SPACE), so
:func:`speed_up` gives the component a matching step that looks those up in tables, and
leaves the other patterns (more than one token, regular expressions) to a Matcher of
their own. The matches are the same, sorted the same way, and set by the same spaCy
function, so each token gets the same attributes: ``tests/test_formats.py`` compares
both on text written for it, and ``scripts/check_ruler.py`` on a corpus.
"""

from __future__ import annotations

from collections.abc import Callable

#: the token attributes a simple pattern may test, by spaCy attribute name (the first two
#: index the patterns: ``_TAG`` and ``_LOWER`` are their columns)
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS")
_TAG, _LOWER = 0, 1


def speed_up(nlp) -> bool:
    """Give ``nlp``'s attribute ruler, if it has one, the table matching (patterns the
    tables cannot hold go to a Matcher of their own). True when it did."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.match = _TableMatch(ruler)
    ruler.set_annotations = _set_annotations(ruler)
    return True


class _TableMatch:
    """``AttributeRuler.match``: (rule number, match id, start, end) of every match, sorted
    by rule number so that later rules win."""

    def __init__(self, ruler) -> None:
        from spacy import attrs as spacy_attrs
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self.columns = [getattr(spacy_attrs, name) for name in _TESTED]
        self.by_tag: dict[int, list] = {}
        self.by_lower: dict[int, list] = {}
        self.rest: list = []
        self.others = Matcher(ruler.vocab)
        self.strings = strings
        for number in range(len(ruler.attrs)):
            key = str(number)
            patterns = ruler.matcher.get(key)[1]
            complex_ = []
            for pattern in patterns:
                rule = _simple(pattern, strings, number, strings[key])
                if rule is None:
                    complex_.append(pattern)
                else:
                    self._index(rule)
            if complex_:
                self.others.add(key, complex_)

    def _index(self, rule: tuple) -> None:
        tests = dict(rule[2])
        tag = tests.get(_TAG)
        lower = tests.get(_LOWER)
        if tag is not None and tag[0]:
            for value in tag[1]:
                self.by_tag.setdefault(value, []).append(rule)
        elif lower is not None and lower[0]:
            for value in lower[1]:
                self.by_lower.setdefault(value, []).append(rule)
        else:
            self.rest.append(rule)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = []
        rows = doc.to_array(self.columns).tolist() if len(doc) else []
        by_tag, by_lower, rest = self.by_tag, self.by_lower, self.rest
        for i, row in enumerate(rows):
            for rules in (by_tag.get(row[_TAG]), by_lower.get(row[_LOWER]), rest):
                if not rules:
                    continue
                for number, match_id, tests in rules:
                    for column, (inside, values) in tests:
                        if (row[column] in values) != inside:
                            break
                    else:
                        found.append((number, match_id, i, i + 1))
        if len(self.others):
            found.extend((int(self.strings[m]), m, s, e)
                         for m, s, e in self.others(doc, allow_missing=True))
        found.sort()
        return found


def _simple(pattern: list[dict], strings, number: int, match_id: int) -> tuple | None:
    """A one-token pattern of equal, IN or NOT_IN tests on the columns above, as (rule
    number, match id, ((column, (inside, values)), ...)); else None."""
    if len(pattern) != 1:
        return None
    tests = []
    for name, value in pattern[0].items():
        name = name.upper()
        if name not in _TESTED:
            return None
        column = _TESTED.index(name)
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
                return None
            op, items = next(iter(value.items()))
            tests.append((column, (op == "IN", frozenset(_id(v, name, strings)
                                                          for v in items))))
        else:
            tests.append((column, (True, frozenset([_id(value, name, strings)]))))
    return number, match_id, tuple(tests)


def _id(value, name: str, strings) -> int:
    """What ``Doc.to_array`` holds for this value of this attribute."""
    if isinstance(value, bool):
        return int(value)
    if name == "POS":
        from spacy.parts_of_speech import IDS

        return IDS[value]
    if isinstance(value, int):
        return value
    return strings.add(value)


def _set_annotations(ruler) -> Callable:
    """``AttributeRuler.set_annotations`` without a Span per match: the token at the
    rule's index of the match gets the rule's attributes, by spaCy's own setter."""
    from spacy.tokens._retokenize import set_token_attrs

    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc, matches) -> None:
        for number, _, start, end in matches:
            index = indices[number]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute ruler: index {index} outside the match "
                                 f"{start}-{end}")
            set_token_attrs(doc[at], attrs[number])

    return set_annotations
