"""One-to-one matching of gold answers to predictions, shared by the quote and event scorers."""

from __future__ import annotations


def maximum_matching(options: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching as {prediction index: gold index}.

    `options[g]` lists the predictions gold item `g` may be matched with, best first.
    Augmenting paths (Kuhn's algorithm): a greedy pass in gold order undercounts when an
    early gold item takes the only prediction a later one could use, e.g. a gold event that
    accepts a target of "IRN or none" taking the IRN prediction that the next gold event
    needs. Preference order still decides among equally large matchings.
    """
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(options)):
        augment(gi, set())
    return owner
