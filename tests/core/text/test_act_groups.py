"""The shared act groups: verbs news uses for one act (index/text/lexicon.py)."""

from __future__ import annotations

from index.text.lexicon import act_class, act_group, stem


def test_the_forms_of_one_group_name_one_act() -> None:
    assert act_class(stem("foiled")) == act_class(stem("thwarted"))
    assert act_class(stem("struck")) == act_class(stem("shook")) == act_class(stem("hit"))
    assert stem("revoked") in act_group(stem("overturned"))


def test_a_verb_outside_the_groups_is_its_own_act() -> None:
    assert act_class(stem("moored")) == stem("moored")
    assert act_group(stem("moored")) == frozenset({stem("moored")})
    assert act_class(stem("fired")) != act_class(stem("hired"))
