"""Products: stars, readiness of the dossier, certificate expiry."""
from __future__ import annotations

import pandas as pd

from analysis import contract as c
from analysis.cells import stars_from_score


def with_effective_stars(products: pd.DataFrame) -> pd.DataFrame:
    """Official stars where written, else the star band of the official score."""
    out = products.copy()
    from_score = pd.array([stars_from_score(s) if pd.notna(s) else None for s in out["score"]], dtype="Int64")
    out["stars_effective"] = out["stars"].fillna(pd.Series(from_score, index=out.index))
    return out
