"""Properties of the checker over generated text: offsets always point at what was matched."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.risk import RiskChecker
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import CATEGORIES, SEVERITIES
from desktop.resources import risk_rules_dir

BOOK = load_rules(risk_rules_dir())
CHECKER = RiskChecker(BOOK, "taobao")
NORM = CHECKER._norm
# Every literal word of a words rule, with its category (words holding their own punctuation, such
# as "world's best", are left out: noise added next to it could exceed the gap a word may have).
WORDS = sorted(
    {
        (w, r.category)
        for r in BOOK.rules
        if r.near is None
        for w in r.words
        if not w.startswith(("#", "@")) and all(c.isalnum() or c == " " for c in w)
    }
)
TRADITIONAL = {}
for _trad, _simp in BOOK.t2s.items():
    TRADITIONAL.setdefault(_simp, _trad)
NOISE = [" ", "-", "·", "*", "~", "😀", "|", "_", "/", "\u200b"]  # \u200b is invisible, not even noise
CONTEXT = "呢哦亲啊"  # characters that form no rule word with anything

any_text = st.text(alphabet=st.characters(exclude_categories=[]), max_size=300)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_text_never_raises_and_offsets_match(text):
    found = CHECKER.scan(text)
    assert found == sorted(found, key=lambda f: (f.start, f.end, CATEGORIES.index(f.category)))
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.match
        assert f.category in CATEGORIES and f.severity in SEVERITIES
        assert f.rule in CHECKER.rules_by_id


@st.composite
def disguised(draw):
    word, category = draw(st.sampled_from(WORDS))
    out = []
    for i, ch in enumerate(word):
        if ch == " ":
            continue
        choice = draw(st.integers(0, 3))
        if choice == 1 and "a" <= ch <= "z":
            ch = ch.upper()
        elif choice == 2 and "!" <= ch <= "~":
            ch = chr(ord(ch) + 0xFEE0)  # full-width form
        elif choice == 3:
            ch = TRADITIONAL.get(ch, ch)
        out.append(ch)
        if i < len(word) - 1:
            visible = draw(st.lists(st.sampled_from(NOISE[:-1]), max_size=3))
            zero_width = draw(st.integers(0, 2)) * NOISE[-1]
            out.append("".join(visible) + zero_width)
    prefix = draw(st.text(alphabet=CONTEXT, max_size=5))
    suffix = draw(st.text(alphabet=CONTEXT, max_size=5))
    return word, category, prefix, "".join(out), suffix


@settings(max_examples=400, deadline=None)
@given(disguised())
def test_disguised_rule_words_are_found_at_their_original_offsets(case):
    word, category, prefix, shown, suffix = case
    text = prefix + shown + suffix
    hits = [f for f in CHECKER.scan(text) if f.start == len(prefix) and f.end == len(prefix) + len(shown)]
    assert hits, f"{word!r} written as {shown!r} was not found in {text!r}"
    f = hits[0]
    assert f.category == category
    assert text[f.start : f.end] == f.match == shown
    assert NORM.word_key(f.match) == NORM.word_key(word)
